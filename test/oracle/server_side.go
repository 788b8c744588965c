package main

import (
	"encoding/json"
	"fmt"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/util/managedfields/managedfieldstest"
	"k8s.io/client-go/applyconfigurations"
	"k8s.io/client-go/kubernetes/scheme"
)

var typeConverter = applyconfigurations.NewTypeConverter(scheme.Scheme)

// serverSideApply is what the API server does with `kubectl apply --server-side`: the manifest
// (Modified) applied to the live object (Current, with its managedFields) by the field manager
// Manager, forced or not. Defaulting is left out: kubeplan's defaults are tested apart.
func serverSideApply(req request) response {
	live := &unstructured.Unstructured{}
	if err := live.UnmarshalJSON(req.Current); err != nil {
		return response{Error: err.Error()}
	}
	applied := &unstructured.Unstructured{}
	if err := applied.UnmarshalJSON(req.Modified); err != nil {
		return response{Error: err.Error()}
	}
	manager := req.Manager
	if manager == "" {
		manager = "kubectl"
	}
	fieldManager := managedfieldstest.NewFakeFieldManager(typeConverter, live.GroupVersionKind())
	out, err := fieldManager.Apply(live, applied, manager, req.Force)
	if err != nil {
		return response{Error: err.Error()}
	}
	raw, err := json.Marshal(out)
	if err != nil {
		return response{Error: fmt.Sprintf("encode: %v", err)}
	}
	return response{Result: raw}
}
