/** Dataset types, inferred from the zod schema so the two cannot drift. Type-only: no zod at run time. */
import type { z } from 'zod';
import type {
  Confidence as ConfidenceSchema,
  Funding as FundingSchema,
  Meta as MetaSchema,
  OverlayMeta as OverlayMetaSchema,
  Qualification as QualificationSchema,
  Role as RoleSchema,
  Route as RouteSchema,
  Sector as SectorSchema,
  Source as SourceSchema,
  Transition as TransitionSchema,
  TransitionKind as TransitionKindSchema,
} from './schema';

export type Source = z.output<typeof SourceSchema>;
export type Funding = z.output<typeof FundingSchema>;
export type Qualification = z.output<typeof QualificationSchema>;
export type Role = z.output<typeof RoleSchema>;
export type Route = z.output<typeof RouteSchema>;
export type Transition = z.output<typeof TransitionSchema>;
export type TransitionKind = z.output<typeof TransitionKindSchema>;
export type Sector = z.output<typeof SectorSchema>;
export type Confidence = z.output<typeof ConfidenceSchema>;
export type DatasetMeta = z.output<typeof MetaSchema>;
export type OverlayMeta = z.output<typeof OverlayMetaSchema>;

/** An inclusive range, e.g. 12–18 months. */
export interface Range {
  min: number;
  max: number;
}

/** A validated, merged dataset: what the planner and renderers work on. */
export interface Dataset {
  meta: DatasetMeta;
  sources: Source[];
  funding: Funding[];
  qualifications: Qualification[];
  roles: Role[];
  transitions: Transition[];
  /** Overlays layered on top of the dataset named by `meta`, bottom first; absent when there are none. */
  overlays?: OverlayMeta[];
}
