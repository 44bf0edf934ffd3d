import type { CheckboxProps } from "@mui/material";
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from "react-admin";
import { i18nProvider } from "./i18n";

/**
 * react-admin's themes with the accessibility fixes an axe-core scan asked for (tests/admin/accessibility.test.ts).
 *
 * - Contrast: the default blue (#1976d2 on light grey, white on #2196f3 in the app bar) is below
 *   WCAG AA's 4.5:1; a darker blue (#1565c0) passes on white, on the inputs' grey and under white text.
 *   So does a darker red (#b71c1c) for the Archive button on the form toolbar's grey.
 * - Progress spinners (react-admin's loading indicator) are named "Loading".
 * - Checkbox names: react-admin's row checkboxes pass `aria-label` to MUI's Checkbox, which puts it on
 *   the wrapping <span> (where ARIA forbids it) and leaves the <input> unnamed. These defaults move
 *   the name to the input (a checkbox's own `inputProps` or `slotProps.input` still win).
 */
const checkboxNames: NonNullable<CheckboxProps["slotProps"]> = {
  input: (ownerState) => {
    const own = ownerState as CheckboxProps & { "aria-label"?: string };
    return { ...own.inputProps, "aria-label": own.inputProps?.["aria-label"] ?? own["aria-label"] };
  },
  root: { "aria-label": undefined } as NonNullable<CheckboxProps["slotProps"]>["root"],
};

const BLUE = { light: "#5e92f3", main: "#1565c0", dark: "#003c8f", contrastText: "#fff" };
const RED = { light: "#e53935", main: "#b71c1c", dark: "#7f0000", contrastText: "#fff" };

const components = {
  MuiCheckbox: { defaultProps: { slotProps: checkboxNames } },
  MuiCircularProgress: { defaultProps: { "aria-label": i18nProvider.translate("ra.page.loading") } },
};

export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: { ...defaultLightTheme.palette, primary: BLUE, secondary: BLUE, error: RED },
  components: { ...defaultLightTheme.components, ...components },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  components: { ...defaultDarkTheme.components, ...components },
};
