// Package bigapp writes a large, realistic FastAPI package app for measuring the lifter: a
// package of many domains, each with its own models module (enums, inheritance, Field
// constraints, generic pages, cross-domain references) and router module (path, query,
// header and body parameters, dependencies, security scopes, status codes), included
// through nested APIRouters with prefixes across modules.
//
// The app imports only fastapi, pydantic and the standard library, so the real FastAPI can
// import it too (to compare documents).
package bigapp

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Stats describe a written app.
type Stats struct {
	// Files and Lines count the Python files and their lines; Domains the domain modules
	// pairs; Routes the path operations the app registers.
	Files, Lines, Domains, Routes int
}

// App is the dotted module:attr of the written app.
const App = "bigapp.main:app"

// routesPerDomain is the number of path operations of one domain router.
const routesPerDomain = 9

// domainsPerGroup is how many domain routers an api group router includes.
const domainsPerGroup = 8

// Files returns the app's files (relative path -> source) with at least minLines lines.
func Files(minLines int) (map[string]string, Stats) {
	files := map[string]string{}
	var st Stats
	add := func(name, src string) {
		files[name] = src
		st.Files++
		st.Lines += strings.Count(src, "\n")
	}
	add("bigapp/__init__.py", "\"\"\"A generated service of many domains.\"\"\"\n")
	add("bigapp/core/__init__.py", "")
	add("bigapp/core/enums.py", enumsPy)
	add("bigapp/core/deps.py", depsPy)
	add("bigapp/models/__init__.py", "")
	add("bigapp/models/common.py", commonPy)
	add("bigapp/routers/__init__.py", "")
	add("bigapp/api/__init__.py", "")
	fixed := 200 // main.py and the group routers, roughly
	for st.Lines+fixed < minLines || st.Domains == 0 {
		d := newDomain(st.Domains)
		add("bigapp/models/"+d.snake+".py", d.models())
		add("bigapp/routers/"+d.snake+".py", d.router())
		st.Domains++
		st.Routes += routesPerDomain
	}
	var groups []string
	for g := 0; g*domainsPerGroup < st.Domains; g++ {
		var b strings.Builder
		fmt.Fprintf(&b, "\"\"\"API group %d: domains %d to %d.\"\"\"\n", g, g*domainsPerGroup, min(st.Domains, (g+1)*domainsPerGroup)-1)
		b.WriteString("from fastapi import APIRouter, Depends\n\nfrom ..core.deps import audit_trail\n")
		var names []string
		for i := g * domainsPerGroup; i < min(st.Domains, (g+1)*domainsPerGroup); i++ {
			names = append(names, newDomain(i).snake)
		}
		fmt.Fprintf(&b, "from ..routers import %s\n\n", strings.Join(names, ", "))
		fmt.Fprintf(&b, "router = APIRouter(prefix=\"/g%d\", responses={503: {\"description\": \"Group %d unavailable\"}})\n\n", g, g)
		for i, n := range names {
			if i%2 == 0 {
				fmt.Fprintf(&b, "router.include_router(%s.router)\n", n)
			} else {
				fmt.Fprintf(&b, "router.include_router(%s.router, prefix=\"/v2\", tags=[\"v2\"], dependencies=[Depends(audit_trail)])\n", n)
			}
		}
		add(fmt.Sprintf("bigapp/api/group%d.py", g), b.String())
		groups = append(groups, fmt.Sprintf("group%d", g))
	}
	var b strings.Builder
	b.WriteString(mainHead)
	fmt.Fprintf(&b, "from .api import %s\n\n", strings.Join(groups, ", "))
	b.WriteString(mainBody)
	for _, g := range groups {
		fmt.Fprintf(&b, "api.include_router(%s.router)\n", g)
	}
	b.WriteString("app.include_router(api, prefix=\"/api\")\n")
	add("bigapp/main.py", b.String())
	st.Routes += 2
	return files, st
}

// Write writes the app under dir (the import root) and returns its statistics.
func Write(dir string, minLines int) (Stats, error) {
	files, st := Files(minLines)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return st, err
		}
		if err := os.WriteFile(p, []byte(files[n]), 0o644); err != nil {
			return st, err
		}
	}
	return st, nil
}

// domain is one generated domain: a models module and a router module.
type domain struct {
	i            int
	snake, camel string
	prev         *domain
}

var nouns = strings.Fields(`account invoice order shipment product customer supplier warehouse
ticket project task comment review payment refund coupon campaign lead contact meeting report
dashboard alert device sensor reading firmware tenant policy role permission session document
folder asset license contract vendor budget expense payroll employee team schedule shift booking
room vehicle route driver parcel claim quote`)

func newDomain(i int) *domain {
	n := nouns[i%len(nouns)]
	if i >= len(nouns) {
		n = fmt.Sprintf("%s%d", n, i/len(nouns)+1)
	}
	d := &domain{i: i, snake: n, camel: strings.ToUpper(n[:1]) + n[1:]}
	if i > 0 {
		d.prev = newDomain(i - 1)
	}
	return d
}

func (d *domain) expand(src string) string {
	r := []string{"{{d}}", d.snake, "{{D}}", d.camel, "{{i}}", fmt.Sprint(d.i)}
	if d.prev != nil {
		r = append(r, "{{p}}", d.prev.snake, "{{P}}", d.prev.camel)
	}
	return strings.NewReplacer(r...).Replace(src)
}

func (d *domain) models() string {
	var b strings.Builder
	if d.i%3 == 1 {
		b.WriteString("from __future__ import annotations\n\n")
	}
	b.WriteString(d.expand(modelsHead))
	if d.prev != nil {
		b.WriteString(d.expand("from .{{p}} import {{P}}Summary\n"))
	}
	b.WriteString(d.expand(modelsBody))
	if d.prev != nil {
		b.WriteString(d.expand(modelsOutPrev))
	} else {
		b.WriteString(d.expand(modelsOutFirst))
	}
	b.WriteString(d.expand(modelsTail))
	return b.String()
}

func (d *domain) router() string {
	return d.expand(routerPy)
}
