import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  useGetList,
  type SelectInputProps,
} from "react-admin";
import { choices, type EnumName } from "../choices";

/** A select over one of the API's enums. */
export function EnumInput({ enumName, ...props }: Omit<SelectInputProps, "choices"> & { enumName: EnumName }) {
  return <SelectInput choices={choices(enumName)} {...props} />;
}

export function EnumArrayInput({
  enumName,
  ...props
}: {
  enumName: EnumName;
  source: string;
  label?: string;
  alwaysOn?: boolean;
}) {
  return <SelectArrayInput choices={choices(enumName)} {...props} />;
}

/**
 * A filter over slugs (the public ProgramFilter takes specialty, institution and pathway slugs),
 * offering the names of the referenced records.
 */
export function SlugFilterInput({
  reference,
  source,
  label,
  alwaysOn,
}: {
  reference: string;
  source: string;
  label?: string;
  alwaysOn?: boolean;
}) {
  const { data = [], isPending } = useGetList(reference, {
    pagination: { page: 1, perPage: 100 },
    sort: { field: "name", order: "ASC" },
  });
  const options = data.map((r) => ({ id: r.slug, name: r.name }));
  return (
    <AutocompleteArrayInput
      source={source}
      label={label}
      alwaysOn={alwaysOn}
      choices={options}
      isPending={isPending}
      sx={{ minWidth: 220 }}
    />
  );
}

const requirementText = (r: { name?: string; code?: string } | undefined) => (r ? `${r.name} (${r.code})` : "");

/** Pick a requirement from the catalogue by name or code. */
export function RequirementInput({ source, validate }: { source: string; validate?: SelectInputProps["validate"] }) {
  return (
    <ReferenceInput source={source} reference="requirements" perPage={100} sort={{ field: "code", order: "ASC" }}>
      <AutocompleteInput
        optionText={requirementText}
        validate={validate}
        label="resources.programs.fields.requirements.requirementId"
        sx={{ width: 380 }}
      />
    </ReferenceInput>
  );
}

export function InstitutionInput({ source = "institutionId" }: { source?: string }) {
  return (
    <ReferenceInput source={source} reference="institutions" perPage={100} sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput optionText="name" sx={{ minWidth: 320 }} />
    </ReferenceInput>
  );
}

export function PathwayInput({ source = "pathwayId" }: { source?: string }) {
  return (
    <ReferenceInput source={source} reference="pathways" perPage={100}>
      <AutocompleteInput optionText="name" sx={{ minWidth: 320 }} />
    </ReferenceInput>
  );
}

export function SpecialtiesInput({
  source = "specialtyIds",
  validate,
}: {
  source?: string;
  validate?: SelectInputProps["validate"];
}) {
  return (
    <ReferenceArrayInput source={source} reference="specialties" perPage={100}>
      <AutocompleteArrayInput optionText="name" validate={validate} sx={{ minWidth: 320 }} />
    </ReferenceArrayInput>
  );
}

/** A slug of at most `maxLength` characters (the input's own limit), never ending in a hyphen. */
export function slugify(text: string, maxLength: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}

/** On create forms: fills the slug from the title (or name) until the curator types a slug. */
export function SlugFromTitle({ from = "title", maxLength }: { from?: string; maxLength: number }) {
  const text = useWatch({ name: from }) as string | undefined;
  const { setValue, getFieldState } = useFormContext();
  useEffect(() => {
    if (!getFieldState("slug").isDirty)
      setValue("slug", slugify(text ?? "", maxLength), { shouldDirty: false, shouldValidate: false });
  }, [text, maxLength, setValue, getFieldState]);
  return null;
}

/** Uppercases state/province codes as they are typed. */
export const upper = (v: string | null | undefined) => (v ? String(v).toUpperCase() : v);

/**
 * Fees are stored in cents; curators type them in units of the currency. An unknown fee stays an
 * empty box: react-admin hands a format an empty value as "" (never null), and "" / 100 would be 0,
 * which reads as "free".
 */
export const feeFormat = (cents: number | string | null | undefined): string =>
  cents == null || cents === "" || Number.isNaN(Number(cents)) ? "" : String(Number(cents) / 100);
export const feeParse = (units: string | number | null | undefined) =>
  units === "" || units == null || Number.isNaN(Number(units)) ? null : Math.round(Number(units) * 100);
