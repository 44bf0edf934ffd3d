import { Typography } from "@mui/material";
import { Login, LoginForm, useTranslate } from "react-admin";

/** react-admin's sign-in form, under the directory's name. */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login>
      <Typography variant="h6" align="center" sx={{ mt: 1, px: 2 }}>
        {translate("directory.title")}
      </Typography>
      <LoginForm />
    </Login>
  );
}
