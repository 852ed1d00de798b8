using Regiewijzer.Web;

var app = await WebApp.BuildAsync(args);
await app.RunAsync();
