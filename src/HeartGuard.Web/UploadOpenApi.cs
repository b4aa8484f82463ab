using Microsoft.OpenApi;

namespace HeartGuard.Web;

/// <summary>Documents the multipart "file" field of upload endpoints. The handlers read the body
/// themselves (streamed into memory with a hard limit), so the framework cannot infer it.</summary>
internal static class UploadOpenApi
{
    public static RouteHandlerBuilder AcceptsImageUpload(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { ImageUpload.FieldName },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [ImageUpload.FieldName] = new OpenApiSchema
                                {
                                    Type = JsonSchemaType.String, Format = "binary",
                                    Description = "ECG page image: PNG, JPEG, TIFF, BMP or WebP, at most 20 MB.",
                                },
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
}
