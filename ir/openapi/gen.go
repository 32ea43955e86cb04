package openapi

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/ojson"
)

const refPrefix = "#/components/schemas/"

// Schema generation modes (pydantic's JsonSchemaMode).
const (
	validation    = "validation"
	serialization = "serialization"
)

// gen is pydantic's GenerateJsonSchema for IR types: one instance generates the schemas of
// every field of the document and collects their definitions.
type gen struct {
	mode string
	// defs are the definitions by their full defs ref (module_qualname-Mode__N).
	defs     map[string]*ojson.Object
	defOrder []string
	// choices are each full ref's prioritized alternative names.
	choices map[string][]string
	// coreToDefs maps core ref + mode to the full defs ref.
	coreToDefs  map[string]string
	inProgress  map[string]bool
	collCounter map[string]int
	collIndex   map[string]int
	ids         map[any]int
	enc         encoder
	diags       *ir.Diagnostics
}

func newGen(diags *ir.Diagnostics) *gen {
	return &gen{defs: map[string]*ojson.Object{}, choices: map[string][]string{}, coreToDefs: map[string]string{},
		inProgress: map[string]bool{}, collCounter: map[string]int{}, collIndex: map[string]int{},
		ids: map[any]int{}, enc: encoder{pydantic: true, diags: diags}, diags: diags}
}

func (g *gen) id(p any) int {
	if n, ok := g.ids[p]; ok {
		return n
	}
	n := len(g.ids) + 1
	g.ids[p] = n
	return n
}

// coreRef is pydantic's get_type_ref for a model or enum.
func (g *gen) coreRef(m *ir.Model) string {
	if m.GenericOrigin != nil {
		var args []string
		for _, a := range m.GenericArgs {
			args = append(args, displayType(a)+":"+fmt.Sprint(g.id(a)))
		}
		return g.coreRef(m.GenericOrigin) + "[" + strings.Join(args, ",") + "]"
	}
	return m.Module + "." + m.QualName + ":" + fmt.Sprint(g.id(m))
}

// displayType is pydantic's display_as_type for a generic model's argument.
func displayType(t *ir.Type) string {
	switch t.Kind {
	case ir.KindModel:
		return t.Model.QualName
	case ir.KindEnum:
		return t.Enum.QualName
	}
	return strings.TrimPrefix(strings.TrimPrefix(t.String(), "builtins."), "typing.")
}

var (
	refSplitRE  = regexp.MustCompile(`([\][,])`)
	qualStripRE = regexp.MustCompile(`(?:[^.[\]]+\.)+((?:[^.[\]]+))`)
	normRE      = regexp.MustCompile(`[^a-zA-Z0-9.\-_]`)
)

func normalizeName(s string) string {
	return strings.ReplaceAll(normRE.ReplaceAllString(s, "_"), ".", "__")
}

// splitKeep splits like re.split with a capturing group (separators kept).
func splitKeep(s string) []string {
	var out []string
	last := 0
	for _, loc := range refSplitRE.FindAllStringIndex(s, -1) {
		out = append(out, s[last:loc[0]], s[loc[0]:loc[1]])
		last = loc[1]
	}
	return append(out, s[last:])
}

// defsRef is pydantic's get_defs_ref: the full ref of a core ref in a mode, recording its
// prioritized alternatives.
func (g *gen) defsRef(coreRef, mode string) string {
	key := coreRef + "\x00" + mode
	if r, ok := g.coreToDefs[key]; ok {
		return r
	}
	comps := splitKeep(coreRef)
	for i, c := range comps {
		if j := strings.LastIndexByte(c, ':'); j >= 0 {
			comps[i] = c[:j]
		}
	}
	noID := strings.Join(comps, "")
	for i, c := range comps {
		comps[i] = qualStripRE.ReplaceAllString(c, "$1")
	}
	short := strings.Join(comps, "")
	modeTitle := "Input"
	if mode == serialization {
		modeTitle = "Output"
	}
	name := normalizeName(short)
	nameMode := name + "-" + modeTitle
	mq := normalizeName(noID)
	mqMode := mq + "-" + modeTitle
	mqID := normalizeName(coreRef)
	occ, ok := g.collIndex[mqID]
	if !ok {
		g.collCounter[mq]++
		occ = g.collCounter[mq]
		g.collIndex[mqID] = occ
	}
	mqOcc := fmt.Sprintf("%s__%d", mq, occ)
	mqOccMode := fmt.Sprintf("%s__%d", mqMode, occ)
	g.choices[mqOccMode] = []string{name, nameMode, mq, mqMode, mqOcc, mqOccMode}
	g.coreToDefs[key] = mqOccMode
	return mqOccMode
}

func refObj(defsRef string) *ojson.Object {
	return ojson.Obj("$ref", ojson.String(refPrefix+defsRef))
}

// defined generates a definition once per core ref and mode and returns a $ref to it.
func (g *gen) defined(coreRef string, build func() *ojson.Object) *ojson.Object {
	ref := g.defsRef(coreRef, g.mode)
	if _, ok := g.defs[ref]; ok || g.inProgress[ref] {
		return refObj(ref)
	}
	g.inProgress[ref] = true
	s := build()
	delete(g.inProgress, ref)
	if _, exists := g.defs[ref]; !exists {
		g.defOrder = append(g.defOrder, ref)
	}
	g.defs[ref] = s
	return refObj(ref)
}
