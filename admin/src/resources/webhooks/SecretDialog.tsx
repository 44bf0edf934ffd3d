import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";

/** Shows an endpoint's signing secret the one time the server answers it, with a copy button. */
export function SecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(secret ?? "").catch(() => undefined);
    setCopied(true);
  };
  return (
    <Dialog open={secret !== null} maxWidth="sm" fullWidth data-testid="webhook-secret">
      <DialogTitle>{translate("directory.webhooks.secret_title")}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate("directory.webhooks.secret_help")}
        </Typography>
        <TextField
          value={secret ?? ""}
          fullWidth
          slotProps={{
            htmlInput: { readOnly: true, "data-testid": "webhook-secret-value", style: { fontFamily: "monospace" } },
          }}
          onFocus={(e) => e.target.select()}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={copy}>{translate(copied ? "directory.webhooks.copied" : "directory.webhooks.copy")}</Button>
        <Button variant="contained" onClick={onClose}>
          {translate("directory.webhooks.secret_done")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
