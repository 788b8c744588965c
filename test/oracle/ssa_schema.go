package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"

	"k8s.io/client-go/kubernetes/scheme"
	smdschema "sigs.k8s.io/structured-merge-diff/v6/schema"
	"sigs.k8s.io/structured-merge-diff/v6/typed"
)

// builtinSchema reads the schema the API server's field manager uses for built-in kinds. The client
// library keeps it in an internal package, out of reach of an import, so it is read from the
// library's source in the module cache: the version this program was built with.
func builtinSchema() (*smdschema.Schema, error) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return nil, fmt.Errorf("no build info")
	}
	version := ""
	for _, dep := range info.Deps {
		if dep.Path == "k8s.io/client-go" {
			version = dep.Version
		}
	}
	cache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOMODCACHE: %v", err)
	}
	file := filepath.Join(strings.TrimSpace(string(cache)), "k8s.io", "client-go@"+version, "applyconfigurations", "internal", "internal.go")
	source, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	_, rest, ok := strings.Cut(string(source), "typed.YAMLObject(`")
	yaml, _, ok2 := strings.Cut(rest, "`)")
	if !ok || !ok2 {
		return nil, fmt.Errorf("no schema in %s", file)
	}
	parser, err := typed.NewParser(typed.YAMLObject(yaml))
	if err != nil {
		return nil, err
	}
	return &parser.Schema, nil
}

// ssaRef is what kubeplan needs of a type reference in the API server's server-side apply schema
// (src/diff/apply/server-side/ssa-schema.generated.ts): a named type, or an inline list or map.
// Scalars are left out: kubeplan treats a field it has no entry for as a plain value.
type ssaRef struct {
	Named string `json:"named,omitempty"`
	// A list: its items' type, and how its items are told apart: by Keys (with the defaults of
	// absent key fields), as a Set of values, or not at all (atomic: replaced whole).
	List     *ssaRef        `json:"list,omitempty"`
	Keys     []string       `json:"keys,omitempty"`
	Set      bool           `json:"set,omitempty"`
	Defaults map[string]any `json:"defaults,omitempty"`
	// A map of values of one type (labels, resources), granular unless Atomic.
	Map    *ssaRef `json:"map,omitempty"`
	Atomic bool    `json:"atomic,omitempty"`
}

type ssaType struct {
	Fields   map[string]*ssaRef `json:"fields,omitempty"`
	Elements *ssaRef            `json:"elements,omitempty"`
	Atomic   bool               `json:"atomic,omitempty"`
	// Untyped: a value of any shape (RawExtension, JSON): maps granular, lists atomic, unless Atomic.
	Untyped bool `json:"untyped,omitempty"`
}

// scalarOnly: named types that are one value (Quantity, Time, IntOrString).
func scalarOnly(s *smdschema.Schema, name string) bool {
	atom, ok := s.Resolve(smdschema.TypeRef{NamedType: &name})
	return ok && atom.Scalar != nil && atom.List == nil && atom.Map == nil
}

func ssaRefOf(s *smdschema.Schema, tr smdschema.TypeRef) *ssaRef {
	if tr.NamedType != nil {
		if scalarOnly(s, *tr.NamedType) {
			return nil
		}
		return &ssaRef{Named: *tr.NamedType}
	}
	switch {
	case tr.Inlined.Scalar != nil:
		return nil // a value of any shape, inline (RawExtension's): deduced from the value
	case tr.Inlined.List != nil:
		ref := &ssaRef{List: ssaRefOf(s, tr.Inlined.List.ElementType)}
		if ref.List == nil {
			ref.List = &ssaRef{}
		}
		if tr.Inlined.List.ElementRelationship == smdschema.Associative {
			if len(tr.Inlined.List.Keys) == 0 {
				ref.Set = true
			}
			ref.Keys = tr.Inlined.List.Keys
			if elem, ok := s.Resolve(tr.Inlined.List.ElementType); ok && elem.Map != nil {
				for _, key := range tr.Inlined.List.Keys {
					if f, ok := elem.Map.FindField(key); ok && f.Default != nil {
						if ref.Defaults == nil {
							ref.Defaults = map[string]any{}
						}
						ref.Defaults[key] = f.Default
					}
				}
			}
		}
		return ref
	case tr.Inlined.Map != nil:
		ref := &ssaRef{Map: ssaRefOf(s, tr.Inlined.Map.ElementType), Atomic: tr.Inlined.Map.ElementRelationship == smdschema.Atomic}
		if ref.Map == nil {
			ref.Map = &ssaRef{}
		}
		if len(tr.Inlined.Map.Fields) > 0 {
			return nil // inline structs do not occur in the built-in schema
		}
		return ref
	}
	return nil
}

// canonicalName: the OpenAPI name of a Go type, as the schema names it (k8s.io/api/apps/v1.Deployment
// is io.k8s.api.apps.v1.Deployment).
func canonicalName(pkgPath, name string) string {
	host, rest, _ := strings.Cut(pkgPath, "/")
	parts := strings.Split(host, ".")
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, ".") + "." + strings.ReplaceAll(rest, "/", ".") + "." + name
}

// ssaSchema gives the server-side apply schema of the built-in kinds: the schema type of every
// kind the client library's scheme serves, by "apiVersion Kind", and the list, map and struct
// types with what decides how they merge and who owns what.
func ssaSchema() response {
	s, err := builtinSchema()
	if err != nil {
		return response{Error: err.Error()}
	}
	types := map[string]*ssaType{}
	for _, def := range s.Types {
		atom := def.Atom
		if atom.Map == nil {
			continue
		}
		t := &ssaType{Atomic: atom.Map.ElementRelationship == smdschema.Atomic, Untyped: atom.Scalar != nil}
		if len(atom.Map.Fields) > 0 {
			t.Fields = map[string]*ssaRef{}
			for _, f := range atom.Map.Fields {
				if ref := ssaRefOf(s, f.Type); ref != nil {
					t.Fields[f.Name] = ref
				}
			}
		} else if atom.Map.ElementType.NamedType != nil || atom.Map.ElementType.Inlined.List != nil || atom.Map.ElementType.Inlined.Map != nil {
			t.Elements = ssaRefOf(s, atom.Map.ElementType)
		}
		types[def.Name] = t
	}
	kinds := map[string]string{}
	for gvk, t := range scheme.Scheme.AllKnownTypes() {
		name := canonicalName(t.PkgPath(), t.Name())
		if _, ok := types[name]; ok && !strings.HasPrefix(name, "io.k8s.apimachinery.") {
			kinds[gvk.GroupVersion().String()+" "+gvk.Kind] = name
		}
	}
	raw, err := json.Marshal(map[string]any{"kinds": kinds, "types": types})
	if err != nil {
		return response{Error: err.Error()}
	}
	return response{Result: raw}
}
