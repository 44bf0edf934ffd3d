import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { answerText, Locale, TEXT_DOC, type PathInfo } from "../../core/locale";
import { isTranslationStale } from "../../core/translation";
import { Requirement } from "./requirement.entity";

/** Requirement's translated text: each field in the locale asked for, with the locale it answered in. */
@Resolver(() => Requirement)
export class RequirementTextResolver {
  @FieldResolver(() => String, { description: TEXT_DOC.text("name") })
  name(@Root() r: Requirement, @Ctx() ctx: Context, @Info() info: PathInfo): string {
    return answerText(ctx.locale, info, r.name, r.nameFr)?.text ?? r.name;
  }

  @FieldResolver(() => Locale, { description: TEXT_DOC.locale("name") })
  nameLocale(@Root() r: Requirement, @Ctx() ctx: Context, @Info() info: PathInfo): Locale {
    return answerText(ctx.locale, info, r.name, r.nameFr)?.locale ?? Locale.EN;
  }

  @FieldResolver(() => String, { nullable: true, description: TEXT_DOC.text("description") })
  description(@Root() r: Requirement, @Ctx() ctx: Context, @Info() info: PathInfo): string | null {
    return answerText(ctx.locale, info, r.description, r.descriptionFr)?.text ?? null;
  }

  @FieldResolver(() => Locale, { nullable: true, description: TEXT_DOC.locale("description") })
  descriptionLocale(@Root() r: Requirement, @Ctx() ctx: Context, @Info() info: PathInfo): Locale | null {
    return answerText(ctx.locale, info, r.description, r.descriptionFr)?.locale ?? null;
  }

  @FieldResolver(() => Boolean, { description: TEXT_DOC.stale })
  translationStale(@Root() r: Requirement): boolean {
    return isTranslationStale(r);
  }
}
