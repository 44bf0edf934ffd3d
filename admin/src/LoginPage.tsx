import { Typography } from "@mui/material";
import { Login, LoginForm, useTranslate } from "react-admin";

/** react-admin's sign-in form, under the directory's name. */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login>
      <Typography variant="subtitle1" align="center" sx={{ mt: 1, mx: "auto", px: 2, maxWidth: 300 }}>
        {translate("directory.title")}
      </Typography>
      <LoginForm />
    </Login>
  );
}
