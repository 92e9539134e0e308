package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// apiLine finds the operation a method's doc comment names: "API: list-products (GET …".
var apiLine = regexp.MustCompile(`(?m)^API: ([a-z0-9-]+) \(`)

// handMethods maps each operation whose method is written by hand to that
// method ("Auth.Anonymous"), from the doc comments of the package's own
// files in dir: every such method names its operation on an "API:" line.
func handMethods(dir string, services map[string]string) (map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		base := filepath.Base(f)
		if strings.HasSuffix(base, "_test.go") || strings.HasPrefix(base, "zz_") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range af.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Doc == nil || !fd.Name.IsExported() {
				continue
			}
			recv := fd.Recv.List[0].Type
			if st, ok := recv.(*ast.StarExpr); ok {
				recv = st.X
			}
			id, ok := recv.(*ast.Ident)
			if !ok {
				continue
			}
			field, ok := services[id.Name]
			if !ok {
				continue
			}
			for _, m := range apiLine.FindAllStringSubmatch(fd.Doc.Text(), -1) {
				out[m[1]] = field + "." + fd.Name.Name
			}
		}
	}
	return out, nil
}

// operationsTable is the Markdown table of every operation and the Go
// method that calls it, for OPERATIONS.md and the README.
func (m *model) operationsTable(hand map[string]string) (string, error) {
	var b strings.Builder
	b.WriteString("| group | operation | method and path | Go method | key only | resent |\n|---|---|---|---|---|---|\n")
	ops := append([]*op(nil), m.ops...)
	sort.SliceStable(ops, func(i, j int) bool {
		if ops[i].Service.Type != ops[j].Service.Type {
			return groupOrder(ops[i].Service.Type) < groupOrder(ops[j].Service.Type)
		}
		return ops[i].ID < ops[j].ID
	})
	var missing []string
	for _, o := range ops {
		method := o.Service.Field + "." + o.Name
		if o.Manual {
			var ok bool
			if method, ok = hand[o.ID]; !ok {
				missing = append(missing, o.ID)
				continue
			}
		}
		if o.Page != nil {
			method += ", " + o.Service.Field + "." + o.Name + "All"
		}
		if o.Service.onPOS() {
			method = "POSSession." + strings.ReplaceAll(method, ", ", ", POSSession.")
		}
		key, resent := "", "no"
		if o.Public {
			key = "yes"
		}
		if o.Idempotent {
			resent = "yes"
		}
		fmt.Fprintf(&b, "| %s | `%s` | `%s %s` | `%s` | %s | %s |\n", o.Tag, o.ID, o.Method, o.Path, method, key, resent)
	}
	if len(missing) > 0 {
		return "", fmt.Errorf("operations listed as manual in opgen.yaml have no hand-written method whose doc comment says \"API: <operation> (\": %s", strings.Join(missing, ", "))
	}
	return b.String(), nil
}

// groupOrder orders the groups as a shopper meets them.
func groupOrder(typ string) int {
	order := []string{"AuthService", "CatalogService", "StoreService", "CommonService", "AnalyticsService", "CampaignsService",
		"FulfillmentService", "CartService", "PaymentsService", "WishlistService", "OrdersService", "CustomersService", "SubscriptionsService",
		"POSAuthService", "POSDevicesService", "POSCatalogService", "POSCartService", "POSOrdersService"}
	for i, f := range order {
		if f == typ {
			return i
		}
	}
	return len(order)
}
