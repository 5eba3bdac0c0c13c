import { createTheme, darken, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

/**
 * Mantine's light and filled variants use shade 6 of a colour (yellow, orange, green and red text on a tinted or white
 * background falls below 4.5:1): here the text of light badges and alerts and the background of filled ones are shade 9,
 * darkened, so every colour reaches WCAG AA.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined || parsed.color === 'gray' || parsed.color === 'dark') return defaults;
  const deep = input.theme.colors[parsed.color][9];
  if (input.variant === 'light') return { ...defaults, color: darken(deep, 0.3), hoverColor: darken(deep, 0.3) };
  if (input.variant === 'filled') return { ...defaults, background: darken(deep, 0.1), hover: darken(deep, 0.2), color: 'var(--mantine-color-white)' };
  return defaults;
};

/**
 * Mantine's theme with contrast raised to WCAG AA: the primary colour at shade 8 (white text 4.6:1 and more), and
 * "dimmed" text at gray 7 instead of gray 6 (which is 3.3:1 on white), errors at red 9 instead of red 6.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  variantColorResolver,
});

export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7], '--mantine-color-error': current.colors.red[9] },
  dark: {},
});
