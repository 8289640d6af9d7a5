import {
  Anchor,
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  defaultVariantColorsResolver,
  MantineProvider,
  NavLink,
  parseThemeColor,
  TableScrollContainer,
  type VariantColorsResolver,
} from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { sessionKey } from '../features/auth/auth.api.ts';
import { isApiError } from '../lib/api.ts';
import { router } from './router.tsx';

// WCAG 2.1 AA (1.4.3) asks for 4.5:1 between text and background: white on teal.6 reaches 2.6:1, on teal.9 about
// 5:1, and Mantine's "dimmed" grey (gray.6) on white 3.3:1. Links are underlined (1.4.1: not by colour alone).
// Mantine's "light" variant (badges, alerts, the active navigation entry) writes shade 9 on a pale tint: teal 4.3:1,
// yellow and orange under 3:1. A darker text of the same colour keeps the look and reaches 4.5:1; filled buttons of
// the light colours (yellow, lime, cyan) get a slightly darker background for their white text.
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const palette = input.theme.colors[parsed.color];
  if (!palette) return colors;
  if (input.variant === 'light' || input.variant === 'subtle' || input.variant === 'outline' || input.variant === 'dot') {
    const text = darken(palette[9], 0.35);
    return { ...colors, color: text, hoverColor: text, ...(input.variant === 'outline' ? { border: text } : {}) };
  }
  // The darker orange shades above: shade 8 (5:1 with white) keeps a filled orange button orange rather than brown.
  if (input.variant === 'filled' && parsed.color === 'orange') return { ...colors, background: palette[8], hover: palette[9] };
  if (input.variant === 'filled' && ['yellow', 'lime', 'cyan'].includes(parsed.color)) {
    return { ...colors, background: darken(palette[9], 0.15), hover: darken(palette[9], 0.25) };
  }
  return colors;
};

// Orange text (deadlines, warnings) on white: Mantine's orange.8 and .9 reach 3.6:1 and 4.3:1; these two reach 5:1
// and 7:1, so `c="orange.8"` stays readable everywhere.
const [o0, o1, o2, o3, o4, o5, o6, o7] = DEFAULT_THEME.colors.orange;
const orange = [o0, o1, o2, o3, o4, o5, o6, o7, '#c2410c', '#9a3412'] as const;

const theme = createTheme({
  colors: { orange },
  variantColorResolver,
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Without an explicit variant the active entry takes Mantine's stock colours, not the resolver's above.
    NavLink: NavLink.extend({ defaultProps: { variant: 'light' } }),
    // A table wider than a tablet scrolls sideways; keyboard users reach that region with Tab (WCAG 2.1.1).
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } }),
  },
});

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-placeholder': 'var(--mantine-color-gray-7)' },
  dark: {},
});

/** A session that ran out (idle timeout) shows up as 401 somewhere: load the session again, the guards then ask to sign in. */
function onError(error: unknown) {
  if (isApiError(error, 'auth.required') || isApiError(error, 'auth.mfa_required')) {
    void queryClient.invalidateQueries({ queryKey: sessionKey });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // A 4xx will not heal by asking again; network trouble might.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
