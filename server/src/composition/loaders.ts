import { createAuditLoaders } from "../modules/audit/audit.loaders";
import { createCuratorLoaders } from "../modules/curator/curator.loaders";
import { createInstitutionLoaders } from "../modules/institution/institution.loaders";
import { createPathwayLoaders } from "../modules/pathway/pathway.loaders";
import { createProgramLoaders } from "../modules/program/program.loaders";
import { createRequirementLoaders } from "../modules/requirement/requirement.loaders";
import type { DataSource } from "typeorm";
import type { Loaders, Services } from "../core/context";
import type { Viewer } from "../core/viewer";

type LoaderGroup = (services: Services, viewer: Viewer, dataSource: DataSource) => Record<string, unknown>;

/** Each module's DataLoaders, made together on first use of any of them. */
const GROUPS: LoaderGroup[] = [
  createInstitutionLoaders,
  createProgramLoaders,
  createPathwayLoaders,
  createRequirementLoaders,
  createCuratorLoaders,
  createAuditLoaders,
];

/** What a request's groups are made from; a symbol key, so Object.values(loaders) lists loaders only. */
const MAKE = Symbol("makeLoaders");

interface LazyLoaders {
  [MAKE]: { services: Services; viewer: Viewer; dataSource: DataSource };
}

let lazyLoadersPrototype: object | null = null;

/**
 * A prototype with a getter for every loader: the first read of any loader of a group makes the
 * group and sets its loaders on the request's object (where later reads find them directly).
 * The loader names are learnt by making each group once.
 */
function prototypeFor(services: Services, viewer: Viewer, dataSource: DataSource): object {
  const prototype = {};
  for (const group of GROUPS) {
    const names = Object.keys(group(services, viewer, dataSource));
    for (const name of names) {
      Object.defineProperty(prototype, name, {
        get(this: LazyLoaders) {
          const { services: s, viewer: v, dataSource: d } = this[MAKE];
          const made = group(s, v, d);
          for (const n of names)
            Object.defineProperty(this, n, { value: made[n], enumerable: true, writable: true, configurable: true });
          return made[name];
        },
      });
    }
  }
  return prototype;
}

/**
 * DataLoaders for one request, so that no cached row outlives it. Made on first use: a request
 * that reads no relation (a count, a detail page read in one statement) makes none.
 */
export function createLoaders(services: Services, viewer: Viewer, dataSource: DataSource): Loaders {
  lazyLoadersPrototype ??= prototypeFor(services, viewer, dataSource);
  const loaders = Object.create(lazyLoadersPrototype) as LazyLoaders;
  loaders[MAKE] = { services, viewer, dataSource };
  return loaders as unknown as Loaders;
}
