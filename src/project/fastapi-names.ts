// Qualified names of the FastAPI and Starlette objects the rules look for, in one place.

const both = (module: string, names: string[]): string[] =>
  names.flatMap((n) => [`fastapi.${module}.${n}`, `starlette.${module}.${n}`]);

/** What builds an app or a router. */
export const APP_CLASSES: ReadonlySet<string> = new Set([
  "fastapi.FastAPI",
  "fastapi.applications.FastAPI",
  "fastapi.APIRouter",
  "fastapi.routing.APIRouter",
]);

/** Decorator methods of an app or router that declare a route. */
export const ROUTE_DECORATORS: ReadonlySet<string> = new Set([
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "options",
  "head",
  "trace",
  "api_route",
  "websocket",
]);

export const HTTP_EXCEPTIONS: ReadonlySet<string> = new Set([
  "fastapi.HTTPException",
  "fastapi.exceptions.HTTPException",
  "starlette.exceptions.HTTPException",
]);

export const RESPONSE_CLASSES: ReadonlySet<string> = new Set([
  "fastapi.Response",
  ...both("responses", [
    "Response",
    "JSONResponse",
    "HTMLResponse",
    "PlainTextResponse",
    "RedirectResponse",
    "StreamingResponse",
    "FileResponse",
  ]),
  "fastapi.responses.ORJSONResponse",
  "fastapi.responses.UJSONResponse",
]);

export const WEBSOCKET_CLASSES: ReadonlySet<string> = new Set([
  "fastapi.WebSocket",
  ...both("websockets", ["WebSocket"]),
]);

export const WEBSOCKET_ERRORS: ReadonlySet<string> = new Set([
  "fastapi.WebSocketDisconnect",
  ...both("websockets", ["WebSocketDisconnect"]),
  "fastapi.WebSocketException",
  "fastapi.exceptions.WebSocketException",
  "starlette.exceptions.WebSocketException",
]);

/** Dependency markers: their first argument (or `dependency=`) is a dependency function. */
export const DEPENDS: ReadonlySet<string> = new Set([
  "fastapi.Depends",
  "fastapi.params.Depends",
  "fastapi.Security",
  "fastapi.params.Security",
]);
