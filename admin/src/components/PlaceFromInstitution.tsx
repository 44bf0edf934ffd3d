import { useEffect, useRef } from "react";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { useGetOne } from "react-admin";

/**
 * A program is where its institution is (the API refuses another country). When the curator picks
 * an institution, the form's country and region follow it, so creating a program at a Canadian
 * institution needs no second step; they stay editable (a region may differ from the institution's).
 */
export function PlaceFromInstitution({ source = "institutionId" }: { source?: string }) {
  const institutionId = useWatch({ name: source }) as string | null | undefined;
  const { setValue } = useFormContext();
  // Read here so that the form re-renders this when the field's dirty state changes.
  const { dirtyFields } = useFormState({ name: source });
  // Only a pick the curator made: loading a record (or reloading it after a conflict) changes nothing.
  const picked = !!institutionId && !!(dirtyFields as Record<string, unknown>)[source];
  const { data: institution } = useGetOne("institutions", { id: institutionId ?? "" }, { enabled: picked });
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!picked || !institution || String(institution.id) !== String(institutionId)) return;
    if (applied.current === String(institution.id)) return;
    applied.current = String(institution.id);
    const options = { shouldDirty: true, shouldValidate: true };
    setValue("country", institution.country, options);
    setValue("region", institution.region ?? null, options);
  }, [picked, institution, institutionId, setValue]);
  return null;
}
