package main

import (
	"encoding/json"
	"reflect"
	"strings"

	"k8s.io/client-go/kubernetes/scheme"
)

// field is what kubeplan needs to know of a Go API field that is not a plain value
// (src/diff/apply/api-types.generated.ts): the struct it holds, whether a pointer holds it (then
// `{}` is not the same as absent), whether it is a list or a map of it, and its strategic-merge tags.
type field struct {
	Type     string `json:"type,omitempty"`
	Pointer  bool   `json:"pointer,omitempty"`
	List     bool   `json:"list,omitempty"`
	Map      bool   `json:"map,omitempty"`
	Strategy string `json:"strategy,omitempty"`
	MergeKey string `json:"mergeKey,omitempty"`
}

var marshaler = reflect.TypeOf((*json.Marshaler)(nil)).Elem()

// isValue: a type written as one JSON value whatever its Go form (Quantity, Time, IntOrString, RawExtension).
func isValue(t reflect.Type) bool {
	return t.Kind() != reflect.Struct || t.Implements(marshaler) || reflect.PointerTo(t).Implements(marshaler)
}

func typeName(t reflect.Type) string {
	parts := strings.Split(t.PkgPath(), "/")
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, "/") + "." + t.Name()
}

type graph map[string]map[string]field

// add records t's fields (and those of the types they hold) and returns its name.
func (g graph) add(t reflect.Type) string {
	name := typeName(t)
	if _, ok := g[name]; ok {
		return name
	}
	fields := map[string]field{}
	g[name] = fields
	g.addFields(t, fields)
	return name
}

func (g graph) addFields(t reflect.Type, fields map[string]field) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		jsonName, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if jsonName == "-" {
			continue
		}
		ft := f.Type
		if jsonName == "" && ft.Kind() == reflect.Struct { // inline
			g.addFields(ft, fields)
			continue
		}
		var info field
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
			info.Pointer = true
		}
		switch {
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() != reflect.Uint8:
			info.List, ft = true, ft.Elem()
		case ft.Kind() == reflect.Map:
			info.Map, ft = true, ft.Elem()
		}
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if !isValue(ft) {
			info.Type = g.add(ft)
		} else {
			info.Pointer = false // a pointer to a value only makes it optional
		}
		info.Strategy = f.Tag.Get("patchStrategy")
		info.MergeKey = f.Tag.Get("patchMergeKey")
		if info != (field{}) {
			fields[jsonName] = info
		}
	}
}

// apiTypes gives the Go type of every kind the client library's scheme serves, by "apiVersion Kind",
// and the fields of every struct type they contain.
func apiTypes() response {
	g := graph{}
	kinds := map[string]string{}
	for gvk, t := range scheme.Scheme.AllKnownTypes() {
		if gvk.Version == "__internal" || strings.HasSuffix(gvk.Kind, "List") || strings.HasSuffix(gvk.Kind, "Options") {
			continue
		}
		kinds[gvk.GroupVersion().String()+" "+gvk.Kind] = g.add(t)
	}
	raw, err := json.Marshal(map[string]any{"kinds": kinds, "types": g})
	if err != nil {
		return response{Error: err.Error()}
	}
	return response{Result: raw}
}
