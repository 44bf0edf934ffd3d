import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { answerText, Locale, TEXT_DOC, type PathInfo } from "../../core/locale";
import { isTranslationStale } from "../../core/translation";
import { Program } from "./program.entity";

/** Program's translated text: each field in the locale asked for, with the locale it answered in. */
@Resolver(() => Program)
export class ProgramTextResolver {
  @FieldResolver(() => String, { description: TEXT_DOC.text("title") })
  title(@Root() r: Program, @Ctx() ctx: Context, @Info() info: PathInfo): string {
    return answerText(ctx.locale, info, r.title, r.titleFr)?.text ?? r.title;
  }

  @FieldResolver(() => Locale, { description: TEXT_DOC.locale("title") })
  titleLocale(@Root() r: Program, @Ctx() ctx: Context, @Info() info: PathInfo): Locale {
    return answerText(ctx.locale, info, r.title, r.titleFr)?.locale ?? Locale.EN;
  }

  @FieldResolver(() => String, { nullable: true, description: TEXT_DOC.text("description") })
  description(@Root() r: Program, @Ctx() ctx: Context, @Info() info: PathInfo): string | null {
    return answerText(ctx.locale, info, r.description, r.descriptionFr)?.text ?? null;
  }

  @FieldResolver(() => Locale, { nullable: true, description: TEXT_DOC.locale("description") })
  descriptionLocale(@Root() r: Program, @Ctx() ctx: Context, @Info() info: PathInfo): Locale | null {
    return answerText(ctx.locale, info, r.description, r.descriptionFr)?.locale ?? null;
  }

  @FieldResolver(() => Boolean, { description: TEXT_DOC.stale })
  translationStale(@Root() r: Program): boolean {
    return isTranslationStale(r);
  }
}
