HeartGuard.Web.WebHost.Run(args);

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;
