/**
 * The input fields that institutions, pathways and requirements share: the record's source
 * (core/provenance.ts keeps the entity side) and its French text (core/translation.ts). One
 * declaration serves the create and update inputs of all three, so their rules cannot drift apart.
 */
import { IsBoolean, IsOptional } from "class-validator";
import { Field, InputType } from "type-graphql";
import { IsHttpUrl, IsText } from "./input-rules";

/** How long a catalogue record's name and description may be, in English or French. */
export const NAME_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20000;

// A TypeScript mixin's base must be constructible with any arguments (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InputClass = abstract new (...args: any[]) => object;

/** Property decorators run as if stacked above a property: the last listed first. */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => [...decorators].reverse().forEach((d) => d(target, key));
}

/** `descriptionFr` of an input (programs' too): the same rules as `description`. */
export function DescriptionFrInput(): PropertyDecorator {
  return stacked(
    Field(() => String, {
      nullable: true,
      description: "The French translation of description: the same rules as description",
    }),
    IsOptional(),
    IsText(DESCRIPTION_MAX_LENGTH),
  );
}

/** `translationChecked` of an input (programs' too): what core/translation.ts `checkedTranslation` reads. */
export function TranslationCheckedInput(): PropertyDecorator {
  return stacked(
    Field(() => Boolean, {
      nullable: true,
      description:
        "true: a curator checked the French text against the current English text, so it is no longer stale (dates the translation now)",
    }),
    IsOptional(),
    IsBoolean(),
  );
}

/**
 * `Base` (an @InputType class holding the record's own fields) followed by the source and French
 * fields. A mixin rather than a base class because type-graphql lists a parent's fields before the
 * child's: applied last in the chain, it keeps these fields after the record's own, where the
 * inputs have always listed them. Name the mixed class's own type; this one is never in the schema.
 */
export function WithSourceAndFrench<TBase extends InputClass>(Base: TBase) {
  @InputType(`${Base.name}WithSourceAndFrench`)
  abstract class SourceAndFrench extends Base {
    @Field(() => String, {
      nullable: true,
      description: "Where the facts come from: a full http:// or https:// URL of a page that holds them",
    })
    @IsOptional()
    @IsHttpUrl()
    sourceUrl?: string | null;

    @Field(() => String, {
      nullable: true,
      description: "What the source says and where it is (e.g. an article without a URL of its own)",
    })
    @IsOptional()
    @IsText(5000)
    sourceNote?: string | null;

    @Field(() => String, { nullable: true, description: "The French translation of name: the same rules as name" })
    @IsOptional()
    @IsText(NAME_MAX_LENGTH)
    nameFr?: string | null;

    @DescriptionFrInput()
    descriptionFr?: string | null;

    @TranslationCheckedInput()
    translationChecked?: boolean | null;
  }
  return SourceAndFrench;
}
