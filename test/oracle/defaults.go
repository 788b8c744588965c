package main

import (
	"encoding/json"
	"fmt"

	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
)

func init() {
	ops["defaults"] = func(raw []byte) response {
		var req struct {
			Object json.RawMessage `json:"object"`
		}
		if err := json.Unmarshal(raw, &req); err != nil {
			return response{Error: err.Error()}
		}
		out, err := defaulted(req.Object)
		if err != nil {
			return response{Error: err.Error()}
		}
		return response{Result: out}
	}
}

// defaulted is object (versioned JSON) after the API server's defaulting of its version, written
// back in that version: what the registered defaulting functions (defaults.go and the generated
// zz_generated.defaults.go of each API group) add when the object is decoded.
func defaulted(object []byte) ([]byte, error) {
	var head struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := json.Unmarshal(object, &head); err != nil {
		return nil, err
	}
	gvk := schema.FromAPIVersionAndKind(head.APIVersion, head.Kind)
	obj, err := legacyscheme.Scheme.New(gvk)
	if err != nil {
		return nil, fmt.Errorf("not served by the defaults op: %s", gvk)
	}
	if err := json.Unmarshal(object, obj); err != nil {
		return nil, err
	}
	legacyscheme.Scheme.Default(obj)
	return json.Marshal(obj)
}
