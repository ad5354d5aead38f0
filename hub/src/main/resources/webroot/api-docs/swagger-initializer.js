// Hearth: point Swagger UI (served from its WebJar) at the hub's own OpenAPI document.
// Requests made from the page carry the session cookie, so "Try it out" works once logged in.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
  });
};
