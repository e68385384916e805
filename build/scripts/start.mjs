// `npm start`: until the Electron app exists (issue 8), explains how to use the command-line analyzer instead.
console.log(`MSI Doctor: the desktop app is not built yet in this version.
Use the command line meanwhile:
  npx msi-doctor analyze path\\to\\install.log        explain a failed install from its MSI log
  npx msi-doctor analyze --json --lang zh-CN x.log     machine-readable / Chinese output
  npx msi-doctor --help                               all commands`);
