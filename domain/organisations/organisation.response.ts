import { z } from 'zod';
import { roles } from '../auth/roles.ts';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { legalForms } from './organisation.schema.ts';

/** A location (Standort) as the organisation routes answer it. */
export const locationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
});

/** Organisation master data. */
export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  legalForm: z.enum(legalForms),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

/** The organisation with its locations and what the asking member may do. */
export const organisationOverviewSchema = organisationSchema.extend({
  locations: z.array(locationSchema),
  me: z.object({ role: z.enum(roles), isAdmin: z.boolean() }),
});

export const createdOrganisationSchema = z.object({ id: z.uuid() });

export type Location = ResponseOf<typeof locationSchema>;
export type Organisation = ResponseOf<typeof organisationOverviewSchema>;
