// Starts Swagger UI on this server's own document. Replaces the webjar's initializer of the same name, which loads
// an example from the internet; kept out of the page so the content security policy needs no inline script.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
