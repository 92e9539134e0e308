// Command buildcost measures what a user's program pays to compile the SDK
// (`make build-cost`): a small program that imports one of the SDK's public
// packages is built in a fresh module, with an empty build cache in which
// only the standard library was compiled first, and every compiler and
// linker run is timed by its own CPU (user + system, from the process's
// rusage) through -toolexec. The report gives the CPU per package, the SDK's
// own packages apart from their third-party dependencies, and the size of
// the binary.
//
//	go run ./internal/cmd/buildcost                    # the list-products program on storefront
//	go run ./internal/cmd/buildcost -program web       # a handler on storefront/web
//	go run ./internal/cmd/buildcost -max-sdk-cpu 6s    # fail above a budget
//	go run ./internal/cmd/buildcost -runs 5            # the median of five builds
//
// The CPU of one compile varies by a tenth from run to run on a shared
// machine (what else runs, and which compiles overlap); -runs builds the
// program that many times, each from the same cache of the standard
// library, and reports every run's total and the median run in full.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

const sdkModule = "github.com/commercengine-go/sdk"

// programs are the user programs measured, each about fifteen lines.
var programs = map[string]string{
	"storefront": `package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/commercengine-go/sdk/storefront"
)

func main() {
	client, err := storefront.New(os.Getenv("CE_STORE_ID"), storefront.WithAPIKey(os.Getenv("CE_API_KEY")))
	if err != nil {
		log.Fatal(err)
	}
	for p, err := range client.Public.Catalog.ListProductsAll(context.Background(), nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.Name)
	}
}
`,
	"web": `package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/commercengine-go/sdk/storefront"
	"github.com/commercengine-go/sdk/storefront/web"
)

func main() {
	client, err := storefront.New(os.Getenv("CE_STORE_ID"), storefront.WithAPIKey(os.Getenv("CE_API_KEY")))
	if err != nil {
		log.Fatal(err)
	}
	sessions, err := web.NewServerSessions(web.ServerConfig{Tokens: web.NewMemoryTokens(time.Hour).Store})
	if err != nil {
		log.Fatal(err)
	}
	mw := web.NewMiddleware(client, sessions)
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", mw.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, web.Session(r.Context()) != nil)
	}))))
}
`,
}

// record is one tool run, written by the -toolexec side as a JSON line.
type record struct {
	Tool    string        `json:"tool"`
	Package string        `json:"package"`
	CPU     time.Duration `json:"cpu"`
}

func main() {
	// The -toolexec side: run the tool, append its CPU to the log.
	if len(os.Args) > 1 && filepath.IsAbs(os.Args[1]) {
		os.Exit(toolexec(os.Getenv("BUILDCOST_LOG"), os.Args[1:]))
	}
	if os.Getenv("BUILDCOST_LOG") != "" {
		fmt.Fprintf(os.Stderr, "buildcost: run as a tool with %q\n", os.Args)
		os.Exit(2)
	}
	program := flag.String("program", "storefront", "the user program to build: storefront or web")
	maxSDK := flag.Duration("max-sdk-cpu", 0, "fail when the SDK's packages (with their third-party dependencies) take more CPU than this; 0 = report only")
	keep := flag.Bool("keep", false, "keep the temporary module and build cache")
	runs := flag.Int("runs", 1, "how many cold builds to measure; the median is reported")
	flag.Parse()
	if *runs < 1 {
		fmt.Fprintln(os.Stderr, "buildcost: -runs must be at least 1")
		os.Exit(2)
	}
	if err := run(*program, *maxSDK, *keep, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "buildcost:", err)
		os.Exit(1)
	}
}

func toolexec(logPath string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		code = 1
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
	}
	tool := filepath.Base(args[0])
	pkg := ""
	for i, a := range args {
		if a == "-p" && i+1 < len(args) {
			pkg = args[i+1]
		}
	}
	if pkg == "" && tool == "link" {
		pkg = "(link)"
	}
	if logPath != "" && cmd.ProcessState != nil && pkg != "" && !contains(args, "-V=full") {
		var cpu time.Duration
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
		line, _ := json.Marshal(record{Tool: tool, Package: pkg, CPU: cpu})
		if f, err := os.OpenFile(logPath, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			f.Write(append(line, '\n'))
			f.Close()
		}
	}
	return code
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// measurement is one cold build of the program.
type measurement struct {
	wall              time.Duration
	size              int64
	perPkg            map[string]time.Duration
	sdk, deps         time.Duration
	link, programSelf time.Duration
}

func run(program string, maxSDK time.Duration, keep bool, runs int) error {
	src, ok := programs[program]
	if !ok {
		return fmt.Errorf("unknown -program %q (storefront or web)", program)
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "buildcost-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("work directory:", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	mod := filepath.Join(dir, "shop")
	stdCache := filepath.Join(dir, "stdcache")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		return err
	}
	gomod := fmt.Sprintf("module example.com/shop\n\ngo 1.26.0\n\nrequire %s v0.0.0\n\nreplace %s => %s\n", sdkModule, sdkModule, root)
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(mod, "main.go"), []byte(src), 0o644); err != nil {
		return err
	}
	env := append(os.Environ(), "GOCACHE="+stdCache, "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := goCmd(mod, env, "mod", "tidy"); err != nil {
		return fmt.Errorf("go mod tidy: %v\n%s", err, out)
	}
	// The standard library the program needs, compiled first and not counted.
	stdList, err := goCmd(mod, env, "list", "-deps", "-f", "{{if .Standard}}{{.ImportPath}}{{end}}", ".")
	if err != nil {
		return fmt.Errorf("go list: %v\n%s", err, stdList)
	}
	std := strings.Fields(stdList)
	if out, err := goCmd(mod, env, append([]string{"build"}, std...)...); err != nil {
		return fmt.Errorf("building the standard library: %v\n%s", err, out)
	}
	var all []measurement
	for i := range runs {
		// Each run starts from a copy of the cache that holds only the
		// standard library.
		cache := filepath.Join(dir, fmt.Sprintf("cache%d", i))
		if out, err := exec.Command("cp", "-a", stdCache, cache).CombinedOutput(); err != nil {
			return fmt.Errorf("copying the build cache: %v\n%s", err, out)
		}
		m, err := measure(mod, self, filepath.Join(dir, fmt.Sprintf("tools%d.jsonl", i)), filepath.Join(dir, "shop.bin"),
			append(env, "GOCACHE="+cache), std)
		if err != nil {
			return err
		}
		all = append(all, m)
		if !keep {
			os.RemoveAll(cache)
		}
	}
	if runs > 1 {
		fmt.Printf("%d cold builds of the %q program, CPU on the SDK:", runs, program)
		for _, m := range all {
			fmt.Printf(" %.2fs", (m.sdk + m.deps).Seconds())
		}
		fmt.Println()
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].sdk+all[i].deps < all[j].sdk+all[j].deps })
	m := all[len(all)/2]
	names := make([]string, 0, len(m.perPkg))
	for p := range m.perPkg {
		names = append(names, p)
	}
	sort.Slice(names, func(i, j int) bool { return m.perPkg[names[i]] > m.perPkg[names[j]] })
	what := "cold build"
	if runs > 1 {
		what = "the median cold build"
	}
	fmt.Printf("%s of the %q program (empty cache, standard library compiled first), %s wall\n", what, program, m.wall.Round(10*time.Millisecond))
	for _, p := range names {
		fmt.Printf("  %7.2fs  %s\n", m.perPkg[p].Seconds(), p)
	}
	fmt.Printf("SDK packages %.2fs + their third-party dependencies %.2fs = %.2fs of CPU on the SDK; link %.2fs; the program itself %.2fs\n",
		m.sdk.Seconds(), m.deps.Seconds(), (m.sdk + m.deps).Seconds(), m.link.Seconds(), m.programSelf.Seconds())
	fmt.Printf("binary: %.2f MB (%d bytes)\n", float64(m.size)/1e6, m.size)
	if maxSDK > 0 && m.sdk+m.deps > maxSDK {
		return fmt.Errorf("the SDK took %.2fs of CPU, over the budget of %s", (m.sdk + m.deps).Seconds(), maxSDK)
	}
	return nil
}

// measure builds the program in mod once under -toolexec and sums the CPU
// of its tools by package.
func measure(mod, self, logPath, bin string, env, std []string) (measurement, error) {
	env = append(env, "BUILDCOST_LOG="+logPath)
	// go build skips the link when the output already holds this build.
	if err := os.Remove(bin); err != nil && !os.IsNotExist(err) {
		return measurement{}, err
	}
	start := time.Now()
	if out, err := goCmd(mod, env, "build", "-toolexec", self, "-o", bin, "."); err != nil {
		return measurement{}, fmt.Errorf("go build: %v\n%s", err, out)
	}
	m := measurement{wall: time.Since(start), perPkg: map[string]time.Duration{}}
	recs, err := readLog(logPath)
	if err != nil {
		return m, err
	}
	fi, err := os.Stat(bin)
	if err != nil {
		return m, err
	}
	m.size = fi.Size()
	for _, r := range recs {
		m.perPkg[r.Package] += r.CPU
		switch {
		case r.Package == "(link)":
			m.link += r.CPU
		case r.Package == sdkModule || strings.HasPrefix(r.Package, sdkModule+"/"):
			m.sdk += r.CPU
		case r.Package == "main":
			m.programSelf += r.CPU
		case contains(std, r.Package):
			m.programSelf += r.CPU
		default:
			m.deps += r.CPU
		}
	}
	return m, nil
}

func goCmd(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func readLog(path string) ([]record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("no tool ran under -toolexec: %w", err)
	}
	defer f.Close()
	var recs []record
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, sc.Err()
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", sdkModule).Output()
	if err != nil {
		return "", fmt.Errorf("run buildcost inside the SDK's module: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}
