import { IsString, IsUrl, Matches, MaxLength, ValidateBy, type ValidationOptions } from "class-validator";
import { ENTITY_ID_RULE, isEntityId } from "./ids";

/** Lower-case words joined by single hyphens: mayo-clinic, internal-medicine. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

export function IsSlug(maxLength: number): PropertyDecorator {
  return all(
    IsString(),
    Matches(SLUG_PATTERN, { message: "$property must be lower-case letters and digits in words joined by single hyphens, e.g. mayo-clinic" }),
    MaxLength(maxLength, { message: `$property must be at most ${maxLength} characters` }),
  );
}

/** An id this API issued (core/ids.ts: a positive whole number that fits the database's integer). */
export function IsEntityId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "isEntityId",
      validator: {
        validate: isEntityId,
        defaultMessage: (args) => `${Array.isArray(args?.value) ? "each of $property" : "$property"} ${ENTITY_ID_RULE}`,
      },
    },
    options,
  );
}

export function IsHttpUrl(maxLength = 500): PropertyDecorator {
  return all(
    IsUrl({ protocols: ["http", "https"], require_protocol: true }, { message: "$property must be a full http:// or https:// URL" }),
    MaxLength(maxLength, { message: `$property must be at most ${maxLength} characters` }),
  );
}

/** Text that has something in it besides spaces, up to `maxLength` characters. */
export function IsText(maxLength: number): PropertyDecorator {
  return all(
    IsString(),
    Matches(/\S/, { message: "$property must not be blank" }),
    MaxLength(maxLength, { message: `$property must be at most ${maxLength} characters` }),
  );
}

/** A state or province code such as MN, ON, QC. */
export function IsRegionCode(): PropertyDecorator {
  return Matches(/^[A-Z]{2,3}$/, { message: "$property must be a state or province code of 2 or 3 capital letters, e.g. MN or ON" });
}
