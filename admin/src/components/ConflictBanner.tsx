import { Alert, AlertTitle } from "@mui/material";
import { useFormContext, useFormState } from "react-hook-form";
import { Button, useEditContext, useNotify, useTranslate } from "react-admin";
import { useState } from "react";

/**
 * Shown in an edit form after a save met `CONFLICT`. The form still holds the curator's input;
 * "Reload" fetches the latest version, and the form (reset with keepDirtyValues) keeps every edited
 * field while taking the rest, and the new version, from the server.
 */
export function ConflictBanner() {
  const { errors } = useFormState();
  const { clearErrors } = useFormContext();
  const { refetch } = useEditContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [loading, setLoading] = useState(false);
  const conflict = (errors.root as Record<string, { message?: string }> | undefined)?.conflict;
  if (!conflict) return null;
  const reload = async () => {
    setLoading(true);
    try {
      await refetch?.();
      clearErrors("root");
      notify("directory.conflict.reloaded", { type: "info" });
    } finally {
      setLoading(false);
    }
  };
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2, width: "100%" }}
      role="alert"
      data-testid="conflict"
      action={
        <Button
          label="directory.conflict.reload"
          onClick={reload}
          disabled={loading}
          variant="contained"
          data-testid="conflict-reload"
        />
      }
    >
      <AlertTitle>{translate("directory.conflict.title")}</AlertTitle>
      {translate(conflict.message ?? "directory.conflict.message")}
    </Alert>
  );
}
