// Starts Swagger UI on /docs (quotegraph/web/docs.py). A file, not an inline script, so the page keeps
// the pages' Content-Security-Policy (script-src 'self'); the OpenAPI URL comes from the page.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    validatorUrl: null, // no badge from the public validator: nothing is fetched from elsewhere
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  });
})();
