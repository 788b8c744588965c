package main

import (
	"encoding/json"
	"fmt"

	jsonpatch "gopkg.in/evanphx/json-patch.v4"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/jsonmergepatch"
	"k8s.io/apimachinery/pkg/util/strategicpatch"
	"k8s.io/client-go/kubernetes/scheme"
)

// clientSideApply is what `kubectl apply` does to a live object: a three-way patch from the last
// applied configuration, the manifest and the live object (strategic for built-in kinds, JSON
// merge for the others), applied to the live object.
func clientSideApply(req request) response {
	var head struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := json.Unmarshal(req.Modified, &head); err != nil {
		return response{Error: err.Error()}
	}
	original := []byte(req.Original)
	if len(original) == 0 || string(original) == "null" {
		original = nil
	}
	gvk := schema.FromAPIVersionAndKind(head.APIVersion, head.Kind)
	obj, err := scheme.Scheme.New(gvk)
	var patched []byte
	if err == nil {
		meta, err := strategicpatch.NewPatchMetaFromStruct(obj)
		if err != nil {
			return response{Error: err.Error()}
		}
		patch, err := strategicpatch.CreateThreeWayMergePatch(original, req.Modified, req.Current, meta, true)
		if err != nil {
			return response{Error: fmt.Sprintf("patch: %v", err)}
		}
		patched, err = strategicpatch.StrategicMergePatchUsingLookupPatchMeta(req.Current, patch, meta)
		if err != nil {
			return response{Error: fmt.Sprintf("merge: %v", err)}
		}
	} else {
		patch, err := jsonmergepatch.CreateThreeWayJSONMergePatch(original, req.Modified, req.Current)
		if err != nil {
			return response{Error: fmt.Sprintf("patch: %v", err)}
		}
		patched, err = jsonpatch.MergePatch(req.Current, patch)
		if err != nil {
			return response{Error: fmt.Sprintf("merge: %v", err)}
		}
	}
	return response{Result: patched}
}
