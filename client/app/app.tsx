import { Anchor, createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { sessionKey } from '../features/auth/auth.api.ts';
import { isApiError } from '../lib/api.ts';
import { router } from './router.tsx';

// WCAG 2.1 AA (1.4.3) asks for 4.5:1 between text and background: white on teal.6 reaches 2.6:1, on teal.9 about
// 5:1, and Mantine's "dimmed" grey (gray.6) on white 3.3:1. Links inside text are underlined (1.4.1: not colour alone).
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
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
