using System.Net.Http.Headers;
using HeartGuard.Analysis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HeartGuard.Web.Tests;

/// <summary>The app under test with its analyzer replaced and settings overridden per test.</summary>
internal static class WebTestHost
{
    public static WebApplicationFactory<Program> Create(IPageAnalyzer? analyzer, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            if (analyzer is not null)
                b.ConfigureTestServices(s => s.AddSingleton(analyzer));
        });

    public static MultipartFormDataContent Upload(byte[] bytes, string fileName = "page.png", string field = "file")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, field, fileName } };
    }
}
