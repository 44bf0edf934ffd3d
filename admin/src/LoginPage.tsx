import { Box, Typography } from "@mui/material";
import { LocalesMenuButton, Login, LoginForm, useTranslate } from "react-admin";
import { useLocaleFromLink } from "./i18n/useLocaleFromLink";

/** react-admin's sign-in form, under the directory's name, with the language switcher (English, Français). */
export function LoginPage() {
  const translate = useTranslate();
  useLocaleFromLink();
  return (
    <Login>
      <Box sx={{ display: "flex", justifyContent: "center", mt: 1 }}>
        <LocalesMenuButton />
      </Box>
      <Typography variant="subtitle1" align="center" sx={{ mt: 1, mx: "auto", px: 2, maxWidth: 300 }}>
        {translate("directory.title")}
      </Typography>
      <LoginForm />
    </Login>
  );
}
