package main

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The endpoints of issue 6's benchmark (bench/app/main.py (g) and (h)): a catalogue search
// over 100 in-memory records, and two computations written as plain loops.

// ---- (g) GET /catalog?q=&genre=&min_price=&max_price=&sort=&order=&limit=&offset= ----

type book struct {
	ID     int64    `json:"id"`
	Title  string   `json:"title"`
	Author string   `json:"author"`
	Genre  string   `json:"genre"`
	Year   int64    `json:"year"`
	Price  pyFloat  `json:"price"`
	Rating pyFloat  `json:"rating"`
	Tags   []string `json:"tags"`
}

type bookPage struct {
	Total  int    `json:"total"`
	Limit  int64  `json:"limit"`
	Offset int64  `json:"offset"`
	Items  []book `json:"items"`
}

// catalog is bench/app's CATALOG, built with the same formulas (the float divisions are
// the same IEEE operations as Python's, so the values are the same doubles).
var catalog = func() []book {
	genres := []string{"fantasy", "history", "science", "mystery", "poetry"}
	authors := []string{"Mara Quill", "Tomas Brandt", "Ines Okafor", "Lena Voss", "Jon Arden", "Aiko Tanabe", "Sam Rivera"}
	words := []string{"Silent", "Forest", "Empire", "Salt", "Stars", "Tide", "Orchard", "River", "Atoms", "Key", "North"}
	books := make([]book, 0, 100)
	for i := int64(1); i <= 100; i++ {
		books = append(books, book{
			ID:     i,
			Title:  fmt.Sprintf("The %s of %s %d", words[i%11], words[i*7%11], i),
			Author: authors[i%7],
			Genre:  genres[i*3%5],
			Year:   1950 + i*13%75,
			Price:  pyFloat(5 + float64(i*37%300)/4),
			Rating: pyFloat(3 + float64(i*7%21)/10),
			Tags:   []string{genres[i%5], "shelf-" + strconv.FormatInt(i%9, 10)},
		})
	}
	return books
}()

var (
	catalogSorts  = []string{"id", "title", "year", "price", "rating"}
	catalogOrders = []string{"asc", "desc"}
)

// compareBooks orders two books by the field sort, then by id.
func compareBooks(a, b *book, sort string) int {
	c := 0
	switch sort {
	case "title":
		c = strings.Compare(a.Title, b.Title)
	case "year":
		c = cmpInt(a.Year, b.Year)
	case "price":
		c = cmpFloat(float64(a.Price), float64(b.Price))
	case "rating":
		c = cmpFloat(float64(a.Rating), float64(b.Rating))
	}
	if c != 0 {
		return c
	}
	return cmpInt(a.ID, b.ID)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func searchCatalog(w http.ResponseWriter, r *http.Request) {
	var v validator
	query := r.URL.Query()
	var q *string
	if s, ok := lastValue(query, "q"); ok {
		v.strLen([]any{"query", "q"}, s, 2, 50)
		q = &s
	}
	genre, hasGenre := lastValue(query, "genre")
	minPrice := v.queryFloat(query, "min_price", 0, floatBound{ge: true})
	maxPrice, hasMax := 0.0, false
	if _, ok := lastValue(query, "max_price"); ok {
		maxPrice, hasMax = v.queryFloat(query, "max_price", 0, floatBound{gt: true}), true
	}
	sort := v.queryLiteral(query, "sort", "id", catalogSorts)
	order := v.queryLiteral(query, "order", "asc", catalogOrders)
	limit := v.queryInt(query, "limit", 10, i64(1), i64(50))
	offset := v.queryInt(query, "offset", 0, i64(0), nil)
	if v.respond(w) {
		return
	}
	needle := ""
	if q != nil {
		needle = strings.ToLower(*q)
	}
	rows := make([]*book, 0, len(catalog))
	for i := range catalog {
		b := &catalog[i]
		if hasGenre && b.Genre != genre {
			continue
		}
		if float64(b.Price) < minPrice || hasMax && float64(b.Price) > maxPrice {
			continue
		}
		if needle != "" && !strings.Contains(strings.ToLower(b.Title), needle) && !strings.Contains(strings.ToLower(b.Author), needle) {
			continue
		}
		rows = append(rows, b)
	}
	slices.SortStableFunc(rows, func(a, b *book) int {
		if order == "desc" {
			return compareBooks(b, a, sort)
		}
		return compareBooks(a, b, sort)
	})
	page := bookPage{Total: len(rows), Limit: limit, Offset: offset, Items: []book{}}
	if offset < int64(len(rows)) {
		end := min(offset+limit, int64(len(rows)))
		for _, b := range rows[offset:end] {
			page.Items = append(page.Items, *b)
		}
	}
	writeJSON(w, http.StatusOK, page)
}

// lastValue is the query parameter as FastAPI reads a scalar: its last value.
func lastValue(query url.Values, name string) (string, bool) {
	vals, ok := query[name]
	if !ok {
		return "", false
	}
	return vals[len(vals)-1], true
}

// floatBound is the constraint of a float query parameter against its bound: ge or gt.
type floatBound struct{ ge, gt bool }

// queryFloat reads an optional float query parameter constrained against 0 (the only bound
// the catalogue uses); def when absent.
func (v *validator) queryFloat(query url.Values, name string, def float64, bound floatBound) float64 {
	raw, ok := lastValue(query, name)
	if !ok {
		return def
	}
	loc := []any{"query", name}
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		v.add("float_parsing", loc, "Input should be a valid number, unable to parse string as a number", raw, nil)
		return def
	}
	switch {
	case bound.ge && f < 0:
		v.add("greater_than_equal", loc, "Input should be greater than or equal to 0", raw, &ctx{GE: pyFloat(0)})
	case bound.gt && f <= 0:
		v.add("greater_than", loc, "Input should be greater than 0", raw, &ctx{GT: pyFloat(0)})
	}
	return f
}

// queryInt reads an optional int query parameter within [ge, le]; def when absent.
func (v *validator) queryInt(query url.Values, name string, def int64, ge, le *int64) int64 {
	raw, ok := lastValue(query, name)
	if !ok {
		return def
	}
	loc := []any{"query", name}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		v.add("int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer", raw, nil)
		return def
	}
	v.intRange(loc, n, raw, ge, le)
	return n
}

// queryLiteral reads an optional Literal[...] query parameter; def when absent.
func (v *validator) queryLiteral(query url.Values, name, def string, allowed []string) string {
	raw, ok := lastValue(query, name)
	if !ok {
		return def
	}
	if slices.Contains(allowed, raw) {
		return raw
	}
	quoted := make([]string, len(allowed))
	for i, a := range allowed {
		quoted[i] = "'" + a + "'"
	}
	expected := strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
	v.add("literal_error", []any{"query", name}, "Input should be "+expected, raw, &ctx{Expected: expected})
	return def
}

// ---- (h) GET /compute/primes?n= ----

type primesOut struct {
	N       int64   `json:"n"`
	Count   int     `json:"count"`
	Sum     int64   `json:"sum"`
	Largest []int64 `json:"largest"`
}

func primes(w http.ResponseWriter, r *http.Request) {
	var v validator
	query := r.URL.Query()
	var n int64
	if _, ok := lastValue(query, "n"); ok {
		n = v.queryInt(query, "n", 0, i64(2), i64(100_000))
	} else {
		v.missing([]any{"query", "n"}, nil)
	}
	if v.respond(w) {
		return
	}
	composite := make([]bool, n+1)
	for i := int64(2); i*i <= n; i++ {
		if !composite[i] {
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	out := primesOut{N: n}
	var found []int64
	for k := int64(2); k <= n; k++ {
		if !composite[k] {
			found = append(found, k)
			out.Sum += k
		}
	}
	out.Count = len(found)
	out.Largest = found[max(0, len(found)-5):]
	writeJSON(w, http.StatusOK, out)
}

// ---- (h) GET /compute/edit-distance?a=&b= ----

type editDistanceOut struct {
	A          string  `json:"a"`
	B          string  `json:"b"`
	Distance   int     `json:"distance"`
	Similarity pyFloat `json:"similarity"`
}

func editDistance(w http.ResponseWriter, r *http.Request) {
	var v validator
	query := r.URL.Query()
	var a, b string
	for _, p := range []struct {
		name string
		dst  *string
	}{{"a", &a}, {"b", &b}} {
		if s, ok := lastValue(query, p.name); ok {
			v.strLen([]any{"query", p.name}, s, 0, 100)
			*p.dst = s
		} else {
			v.missing([]any{"query", p.name}, nil)
		}
	}
	if v.respond(w) {
		return
	}
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	out := editDistanceOut{A: a, B: b, Distance: prev[len(rb)], Similarity: 1}
	if longest := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b)); longest > 0 {
		out.Similarity = pyFloat(round3(1 - float64(out.Distance)/float64(longest)))
	}
	writeJSON(w, http.StatusOK, out)
}

// round3 is Python's round(x, 3): the double nearest to x correctly rounded to 3 decimals
// (ties to even on x's exact value), which is what strconv's 'f' formatting computes.
func round3(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return f
}
