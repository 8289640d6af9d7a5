import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/** Cookies, security headers with a strict Content-Security-Policy, and per-route rate limits. */
/** Sign-in, setup and invitation routes: ten tries a minute per client address. */
export const authLimit = { max: 10, timeWindow: '1 minute' };

export async function registerSecurity(app: FastifyInstance, options: { secure: boolean }) {
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(options.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: options.secure ? { maxAge: 31_536_000 } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    // API answers carry organisation data: no browser or proxy cache keeps them (OWASP ASVS 5.0 V14.3). The hashed
    // client assets are not API answers and stay cacheable.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  // Only routes that opt in (config.rateLimit) are limited: login, TOTP, setup, invitations, public checks, intake.
  await app.register(rateLimit, { global: false });
}

/** Browser features the app never uses are switched off for it and for anything embedded (W3C Permissions Policy). */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');
