// Run the code of klantanalyse-lite.xlsx in real Pyodide under Node.js, as far as it goes
// without a network: main.py with a stand-in for the xlwings module (the add-in provides the
// real one), the embedded package written to Pyodide's file system and put on sys.path,
// every module of it compiled by Pyodide's Python, then the import of the package, which
// needs pandas (Pyodide fetches it from its CDN; offline that is where it stops).
// Usage (see lite-pyodide.sh): node lite-pyodide.mjs main.py
import { loadPyodide } from "pyodide";
import fs from "node:fs";

const step = (text) => console.log("-", text);
const lastError = (e) => String(e).split("\n").filter((l) => l.includes("Error")).slice(-1)[0];
const py = await loadPyodide();
step(`Pyodide ${py.version}, Python ${py.runPython("import sys; sys.version.split()[0]")}`);
py.FS.writeFile("/home/pyodide/main.py", fs.readFileSync(process.argv[2], "utf8"));
py.runPython(`
import sys, types
xw = types.ModuleType("xlwings")
class Book: pass
registered = []
def script(name=None, **options):
    def decorate(f): registered.append(f.__name__); return f
    return decorate
def func(f=None, **options):
    def decorate(g): registered.append(g.__name__); return g
    return decorate(f) if f else decorate
def arg(name, **options): return lambda f: f
xw.Book, xw.script, xw.func, xw.arg = Book, script, func, arg
sys.modules["xlwings"] = xw
ns = {"__name__": "main"}
exec(compile(open("/home/pyodide/main.py", encoding="utf-8").read(), "main.py", "exec"), ns)
`);
step("main.py ran; scripts and functions: " + py.runPython("', '.join(registered)"));
const load = () => py.runPython(`ns["_klantanalyse"]().__name__`);
try {
  step("embedded package imported: " + load());
} catch (e) {
  step("importing the embedded package stopped at: " + lastError(e));
  step("package on sys.path: " + py.runPython("[p for p in sys.path if 'klantanalyse' in p][0]"));
  step("klantanalyse found at: " + py.runPython(
    "import importlib.util; importlib.util.find_spec('klantanalyse').origin"));
  step("modules compiled by Pyodide's Python: " + py.runPython(`
import zipfile
archive = zipfile.ZipFile([p for p in sys.path if 'klantanalyse' in p][0])
names = [n for n in archive.namelist() if n.endswith(".py")]
for name in names:
    compile(archive.read(name).decode("utf-8"), name, "exec")
f"{len(names)} of {len(names)}"
`));
  await py.loadPackage(["pandas"]);
  if (!("pandas" in py.loadedPackages)) {
    step("pandas could not be fetched (no network): stopping here");
    process.exit(0);
  }
  step("embedded package imported: " + load());
}
const answers = py.runPython(
  `[ns["KLANTSCORE"]("Ja", "j", "Nee", None), ns["SEGMENT"]("Iemand"), ns["OMZETKLASSE"](10)]`
).toJs();
step("=KLANTSCORE, =SEGMENT, =OMZETKLASSE answered: " + JSON.stringify(answers));
