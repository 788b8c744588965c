package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	genericvalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/api/validation/path"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	kfield "k8s.io/apimachinery/pkg/util/validation/field"
	genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	_ "k8s.io/kubernetes/pkg/apis/admissionregistration/install"
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	_ "k8s.io/kubernetes/pkg/apis/autoscaling/install"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	_ "k8s.io/kubernetes/pkg/apis/coordination/install"
	"k8s.io/kubernetes/pkg/apis/core"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	_ "k8s.io/kubernetes/pkg/apis/discovery/install"
	_ "k8s.io/kubernetes/pkg/apis/networking/install"
	_ "k8s.io/kubernetes/pkg/apis/node/install"
	_ "k8s.io/kubernetes/pkg/apis/policy/install"
	_ "k8s.io/kubernetes/pkg/apis/rbac/install"
	_ "k8s.io/kubernetes/pkg/apis/scheduling/install"
	_ "k8s.io/kubernetes/pkg/apis/storage/install"
	"k8s.io/kubernetes/pkg/capabilities"
	"k8s.io/kubernetes/pkg/controlplane"
	"k8s.io/kubernetes/pkg/registry/admissionregistration/mutatingwebhookconfiguration"
	"k8s.io/kubernetes/pkg/registry/admissionregistration/validatingwebhookconfiguration"
	"k8s.io/kubernetes/pkg/registry/apps/daemonset"
	"k8s.io/kubernetes/pkg/registry/apps/deployment"
	"k8s.io/kubernetes/pkg/registry/apps/replicaset"
	"k8s.io/kubernetes/pkg/registry/apps/statefulset"
	"k8s.io/kubernetes/pkg/registry/autoscaling/horizontalpodautoscaler"
	"k8s.io/kubernetes/pkg/registry/batch/cronjob"
	"k8s.io/kubernetes/pkg/registry/batch/job"
	"k8s.io/kubernetes/pkg/registry/coordination/lease"
	"k8s.io/kubernetes/pkg/registry/core/configmap"
	"k8s.io/kubernetes/pkg/registry/core/endpoint"
	"k8s.io/kubernetes/pkg/registry/core/limitrange"
	"k8s.io/kubernetes/pkg/registry/core/namespace"
	"k8s.io/kubernetes/pkg/registry/core/persistentvolume"
	"k8s.io/kubernetes/pkg/registry/core/persistentvolumeclaim"
	"k8s.io/kubernetes/pkg/registry/core/pod"
	"k8s.io/kubernetes/pkg/registry/core/podtemplate"
	"k8s.io/kubernetes/pkg/registry/core/replicationcontroller"
	"k8s.io/kubernetes/pkg/registry/core/resourcequota"
	"k8s.io/kubernetes/pkg/registry/core/secret"
	"k8s.io/kubernetes/pkg/registry/core/service"
	"k8s.io/kubernetes/pkg/registry/core/serviceaccount"
	"k8s.io/kubernetes/pkg/registry/discovery/endpointslice"
	"k8s.io/kubernetes/pkg/registry/networking/ingress"
	"k8s.io/kubernetes/pkg/registry/networking/ingressclass"
	"k8s.io/kubernetes/pkg/registry/networking/networkpolicy"
	"k8s.io/kubernetes/pkg/registry/node/runtimeclass"
	"k8s.io/kubernetes/pkg/registry/policy/poddisruptionbudget"
	"k8s.io/kubernetes/pkg/registry/rbac/clusterrole"
	"k8s.io/kubernetes/pkg/registry/rbac/clusterrolebinding"
	"k8s.io/kubernetes/pkg/registry/rbac/role"
	"k8s.io/kubernetes/pkg/registry/rbac/rolebinding"
	"k8s.io/kubernetes/pkg/registry/scheduling/priorityclass"
	"k8s.io/kubernetes/pkg/registry/storage/csidriver"
	"k8s.io/kubernetes/pkg/registry/storage/storageclass"
)

// createStrategies: the API server's create strategy of each kind the validation op serves, with
// the resource name its request carries.
var createStrategies = map[schema.GroupKind]struct {
	resource string
	strategy rest.RESTCreateStrategy
}{
	{Group: "", Kind: "Pod"}:                                                        {"pods", pod.Strategy},
	{Group: "", Kind: "Service"}:                                                    {"services", service.Strategy},
	{Group: "", Kind: "ConfigMap"}:                                                  {"configmaps", configmap.Strategy},
	{Group: "", Kind: "Secret"}:                                                     {"secrets", secret.Strategy},
	{Group: "", Kind: "ServiceAccount"}:                                             {"serviceaccounts", serviceaccount.Strategy},
	{Group: "", Kind: "PersistentVolumeClaim"}:                                      {"persistentvolumeclaims", persistentvolumeclaim.Strategy},
	{Group: "", Kind: "Namespace"}:                                                  {"namespaces", namespace.Strategy},
	{Group: "apps", Kind: "Deployment"}:                                             {"deployments", deployment.Strategy},
	{Group: "apps", Kind: "StatefulSet"}:                                            {"statefulsets", statefulset.Strategy},
	{Group: "apps", Kind: "DaemonSet"}:                                              {"daemonsets", daemonset.Strategy},
	{Group: "apps", Kind: "ReplicaSet"}:                                             {"replicasets", replicaset.Strategy},
	{Group: "batch", Kind: "Job"}:                                                   {"jobs", job.Strategy},
	{Group: "batch", Kind: "CronJob"}:                                               {"cronjobs", cronjob.Strategy},
	{Group: "networking.k8s.io", Kind: "Ingress"}:                                   {"ingresses", ingress.Strategy},
	{Group: "networking.k8s.io", Kind: "NetworkPolicy"}:                             {"networkpolicies", networkpolicy.Strategy},
	{Group: "policy", Kind: "PodDisruptionBudget"}:                                  {"poddisruptionbudgets", poddisruptionbudget.Strategy},
	{Group: "autoscaling", Kind: "HorizontalPodAutoscaler"}:                         {"horizontalpodautoscalers", horizontalpodautoscaler.Strategy},
	{Group: "rbac.authorization.k8s.io", Kind: "Role"}:                              {"roles", role.Strategy},
	{Group: "rbac.authorization.k8s.io", Kind: "RoleBinding"}:                       {"rolebindings", rolebinding.Strategy},
	{Group: "rbac.authorization.k8s.io", Kind: "ClusterRole"}:                       {"clusterroles", clusterrole.Strategy},
	{Group: "scheduling.k8s.io", Kind: "PriorityClass"}:                             {"priorityclasses", priorityclass.Strategy},
	{Group: "storage.k8s.io", Kind: "StorageClass"}:                                 {"storageclasses", storageclass.Strategy},
	{Group: "", Kind: "ReplicationController"}:                                      {"replicationcontrollers", replicationcontroller.Strategy},
	{Group: "", Kind: "PersistentVolume"}:                                           {"persistentvolumes", persistentvolume.Strategy},
	{Group: "", Kind: "Endpoints"}:                                                  {"endpoints", endpoint.Strategy},
	{Group: "", Kind: "LimitRange"}:                                                 {"limitranges", limitrange.Strategy},
	{Group: "", Kind: "ResourceQuota"}:                                              {"resourcequotas", resourcequota.Strategy},
	{Group: "", Kind: "PodTemplate"}:                                                {"podtemplates", podtemplate.Strategy},
	{Group: "rbac.authorization.k8s.io", Kind: "ClusterRoleBinding"}:                {"clusterrolebindings", clusterrolebinding.Strategy},
	{Group: "admissionregistration.k8s.io", Kind: "ValidatingWebhookConfiguration"}: {"validatingwebhookconfigurations", validatingwebhookconfiguration.Strategy},
	{Group: "admissionregistration.k8s.io", Kind: "MutatingWebhookConfiguration"}:   {"mutatingwebhookconfigurations", mutatingwebhookconfiguration.Strategy},
	{Group: "networking.k8s.io", Kind: "IngressClass"}:                              {"ingressclasses", ingressclass.Strategy},
	{Group: "node.k8s.io", Kind: "RuntimeClass"}:                                    {"runtimeclasses", runtimeclass.Strategy},
	{Group: "storage.k8s.io", Kind: "CSIDriver"}:                                    {"csidrivers", csidriver.Strategy},
	{Group: "coordination.k8s.io", Kind: "Lease"}:                                   {"leases", lease.Strategy},
	{Group: "discovery.k8s.io", Kind: "EndpointSlice"}:                              {"endpointslices", endpointslice.Strategy},
}

// strictCodecs decode as the API server does under fieldValidation=Strict: unknown and duplicate
// fields are errors, and decoding to the internal version applies the defaults.
var strictCodecs = serializer.NewCodecFactory(legacyscheme.Scheme, serializer.EnableStrict)

type fieldError struct {
	Type    string `json:"type"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

type validation struct {
	Accepted bool         `json:"accepted"`
	Errors   []fieldError `json:"errors,omitempty"`
	// Message: the API server's whole answer for a refused object, as kubectl prints it.
	Message string `json:"message,omitempty"`
}

// servedResources: what a kube-apiserver of this release serves when no flag changes it (removed
// beta versions are still in the scheme, for conversion, but not served).
var servedResources = controlplane.DefaultAPIResourceConfigSource()

func init() {
	// Clusters let privileged containers in (kube-apiserver --allow-privileged, set by every
	// installer); the package's default, off, would refuse them.
	capabilities.Setup(true, 0)
	ops["validate"] = func(raw []byte) response {
		var req struct {
			Object json.RawMessage `json:"object"`
		}
		if err := json.Unmarshal(raw, &req); err != nil {
			return response{Error: err.Error()}
		}
		v, err := validateCreate(req.Object)
		if err != nil {
			return response{Error: err.Error()}
		}
		out, _ := json.Marshal(v)
		return response{Result: out}
	}
}

// validateCreate is the API server's answer to creating object (versioned JSON) with strict field
// validation: decoding, defaulting, conversion, then the kind's create strategy and the common
// metadata checks. An error means the kind is not one this op serves.
func validateCreate(object []byte) (validation, error) {
	var head struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := json.Unmarshal(object, &head); err != nil {
		return validation{}, err
	}
	gvk := schema.FromAPIVersionAndKind(head.APIVersion, head.Kind)
	served, ok := createStrategies[gvk.GroupKind()]
	if !ok || !legacyscheme.Scheme.Recognizes(gvk) {
		return validation{}, fmt.Errorf("not served by the validation op: %s", gvk)
	}
	if !servedResources.ResourceEnabled(gvk.GroupVersion().WithResource(served.resource)) {
		return refusedCreate(nil, fmt.Sprintf("no matches for kind %q in version %q", gvk.Kind, gvk.GroupVersion())), nil
	}
	internal := gvk.GroupVersion().WithKind(gvk.Kind)
	internal.Version = runtime.APIVersionInternal
	obj, _, err := strictCodecs.UniversalDecoder(internal.GroupVersion()).Decode(object, &gvk, nil)
	// A strict decoding error (unknown or duplicate fields) still gives the object. The API server
	// stops there; the op goes on to validation too, so that an answer lists every error the
	// object has, as fixing the unknown fields would show them next.
	var unknown []fieldError
	strictMessage := ""
	if err != nil {
		strict, ok := runtime.AsStrictDecodingError(err)
		if obj == nil || !ok {
			return refusedCreate(nil, err.Error()), nil
		}
		strictMessage = err.Error()
		for _, e := range strict.Errors() {
			unknown = append(unknown, fieldError{Type: "FieldValueUnknown", Field: unknownFieldPath(e.Error()), Message: e.Error()})
		}
	}
	accessor, err := meta.Accessor(obj)
	if err != nil {
		return validation{}, err
	}
	namespace := ""
	if served.strategy.NamespaceScoped() {
		namespace = accessor.GetNamespace()
		if namespace == "" {
			namespace = "default" // kubectl's namespace when neither the object nor the command names one
			accessor.SetNamespace(namespace)
		}
	}
	if accessor.GetName() == "" && accessor.GetGenerateName() != "" {
		accessor.SetName(accessor.GetGenerateName() + "abcde")
	}
	rest.FillObjectMetaSystemFields(accessor)
	if svc, ok := obj.(*core.Service); ok {
		allocate(svc)
	}
	ctx := genericapirequest.WithNamespace(context.Background(), namespace)
	ctx = genericapirequest.WithRequestInfo(ctx, &genericapirequest.RequestInfo{
		IsResourceRequest: true, Verb: "create", APIGroup: gvk.Group, APIVersion: gvk.Version,
		Namespace: namespace, Resource: served.resource, Name: accessor.GetName(),
	})
	err = rest.BeforeCreate(served.strategy, ctx, obj)
	if err == nil && unknown == nil {
		return validation{Accepted: true}, nil
	}
	message := strictMessage
	if message == "" {
		message = err.Error()
	}
	causes := unknown
	seen := map[fieldError]bool{}
	add := func(e fieldError) {
		if !seen[e] {
			seen[e] = true
			causes = append(causes, e)
		}
	}
	var status *apierrors.StatusError
	if errors.As(err, &status) && status.ErrStatus.Details != nil {
		for _, c := range status.ErrStatus.Details.Causes {
			add(fieldError{Type: string(c.Type), Field: c.Field, Message: c.Message})
		}
	}
	// The API server checks the common metadata only once the kind's own validation passes; the op
	// checks it anyway, so that the answer lists what fixing the first errors would show next.
	for _, e := range genericvalidation.ValidateObjectMetaAccessor(accessor, served.strategy.NamespaceScoped(), func(name string, _ bool) []string { return path.IsValidPathSegmentName(name) }, kfield.NewPath("metadata")) {
		add(fieldError{Type: string(e.Type), Field: e.Field, Message: strings.TrimPrefix(e.Error(), e.Field+": ")})
	}
	return refusedCreate(causes, message), nil
}

func refusedCreate(errs []fieldError, message string) validation {
	sort.Slice(errs, func(i, j int) bool {
		if errs[i].Field != errs[j].Field {
			return errs[i].Field < errs[j].Field
		}
		return errs[i].Message < errs[j].Message
	})
	return validation{Accepted: false, Errors: errs, Message: message}
}

// unknownFieldPath: `unknown field "spec.foo"` → spec.foo; a duplicate field's message names it the same way.
func unknownFieldPath(message string) string {
	start := strings.Index(message, `"`)
	end := strings.LastIndex(message, `"`)
	if start < 0 || end <= start {
		return ""
	}
	return message[start+1 : end]
}

// allocate stands in for the Service storage's allocators, which run before validation: a cluster
// IP and its family, a node port for each port of a NodePort or LoadBalancer Service, and a health
// check port for a LoadBalancer that keeps traffic local. The addresses are fixed, valid ones.
func allocate(svc *core.Service) {
	spec := &svc.Spec
	if spec.Type == core.ServiceTypeExternalName {
		return
	}
	if len(spec.ClusterIPs) == 0 {
		if spec.ClusterIP == "" {
			spec.ClusterIP = "10.96.0.10"
			if len(spec.IPFamilies) > 0 && spec.IPFamilies[0] == core.IPv6Protocol {
				spec.ClusterIP = "fd00::10"
			}
		}
		spec.ClusterIPs = []string{spec.ClusterIP}
	}
	if spec.IPFamilyPolicy == nil {
		single := core.IPFamilyPolicySingleStack
		spec.IPFamilyPolicy = &single
	}
	if len(spec.IPFamilies) == 0 {
		spec.IPFamilies = []core.IPFamily{core.IPv4Protocol}
		if strings.Contains(spec.ClusterIPs[0], ":") {
			spec.IPFamilies = []core.IPFamily{core.IPv6Protocol}
		}
	}
	nodePorts := spec.Type == core.ServiceTypeNodePort ||
		(spec.Type == core.ServiceTypeLoadBalancer && (spec.AllocateLoadBalancerNodePorts == nil || *spec.AllocateLoadBalancerNodePorts))
	for i := range spec.Ports {
		if nodePorts && spec.Ports[i].NodePort == 0 {
			spec.Ports[i].NodePort = int32(30000 + i)
		}
	}
	if spec.Type == core.ServiceTypeLoadBalancer && spec.ExternalTrafficPolicy == core.ServiceExternalTrafficPolicyLocal && spec.HealthCheckNodePort == 0 {
		spec.HealthCheckNodePort = 32000
	}
}
