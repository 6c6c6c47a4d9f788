// The registry: the one list of transforms. The CLI, the README table and the fixture driver all
// read it.
import type { Rule } from "../src/knowledge/rule.js";
import { asyncSleep } from "./async-sleep.js";
import { blockingCallInAsync } from "./blocking-call-in-async.js";
import { asyncRouteHandler } from "./async-route-handler.js";
import { pydanticModelConfig } from "./pydantic-model-config.js";
import { pydanticValidators } from "./pydantic-validators.js";
import { pydanticV1Methods } from "./pydantic-v1-methods.js";
import { pydanticFieldArgs } from "./pydantic-field-args.js";
import { pydanticImports } from "./pydantic-imports.js";
import { pydanticOptionalDefault } from "./pydantic-optional-default.js";
import { pydanticRootModel } from "./pydantic-root-model.js";
import { pydanticCustomTypes } from "./pydantic-custom-types.js";
import { pydanticFieldAnnotations } from "./pydantic-field-annotations.js";
import { pydanticV1Behaviour } from "./pydantic-v1-behaviour.js";
import { pydanticConTypes } from "./pydantic-con-types.js";
import { statusConstants } from "./status-constants.js";
import { annotatedDependencies } from "./annotated-dependencies.js";
import { lifespan } from "./lifespan.js";
import { routeStatusDefaults } from "./route-status-defaults.js";
import { routeTypes } from "./route-types.js";
import { settingsCache } from "./settings-cache.js";
import { apiVersionPrefix } from "./api-version-prefix.js";
import { listPagination } from "./list-pagination.js";
import { httpExceptionDetail } from "./http-exception-detail.js";
import { directDependencyCall } from "./direct-dependency-call.js";
import { sqlalchemyDeclarativeBase } from "./sqlalchemy-declarative-base.js";
import { sqlalchemyMappedColumns } from "./sqlalchemy-mapped-columns.js";
import { sqlalchemySelect } from "./sqlalchemy-select.js";
import { sqlalchemyRemovedApis } from "./sqlalchemy-removed-apis.js";
import { syncSessionInAsync } from "./sync-session-in-async.js";
import { modelTimestamps } from "./model-timestamps.js";
import { hardcodedSecret } from "./hardcoded-secret.js";
import { corsWildcard } from "./cors-wildcard.js";
import { sqlStringBuilding } from "./sql-string-building.js";
import { tokenLifetime } from "./token-lifetime.js";
import { weakPasswordHash } from "./weak-password-hash.js";
import { sensitiveFieldInResponse } from "./sensitive-field-in-response.js";
import { healthEndpoint } from "./health-endpoint.js";
import { broadExceptInRoute } from "./broad-except-in-route.js";
import { configOutsideSettings } from "./config-outside-settings.js";
import { debugInProduction } from "./debug-in-production.js";

// One entry a line, in code order.
export const TRANSFORMS: readonly Rule[] = [
  asyncSleep,
  blockingCallInAsync,
  asyncRouteHandler,
  pydanticModelConfig,
  pydanticValidators,
  pydanticV1Methods,
  pydanticFieldArgs,
  pydanticImports,
  pydanticOptionalDefault,
  pydanticRootModel,
  pydanticCustomTypes,
  pydanticFieldAnnotations,
  pydanticV1Behaviour,
  pydanticConTypes,
  statusConstants,
  annotatedDependencies,
  lifespan,
  routeStatusDefaults,
  routeTypes,
  settingsCache,
  apiVersionPrefix,
  listPagination,
  httpExceptionDetail,
  directDependencyCall,
  sqlalchemyDeclarativeBase,
  sqlalchemyMappedColumns,
  sqlalchemySelect,
  sqlalchemyRemovedApis,
  syncSessionInAsync,
  modelTimestamps,
  hardcodedSecret,
  corsWildcard,
  sqlStringBuilding,
  tokenLifetime,
  weakPasswordHash,
  sensitiveFieldInResponse,
  healthEndpoint,
  broadExceptInRoute,
  configOutsideSettings,
  debugInProduction,
];

/** Looks up transforms by CLI name or code. */
export function findTransform(nameOrCode: string): Rule | undefined {
  const wanted = nameOrCode.toLowerCase();
  return TRANSFORMS.find((t) => t.name === wanted || t.code.toLowerCase() === wanted);
}
