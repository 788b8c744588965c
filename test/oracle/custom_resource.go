package main

// The validate-custom op: a custom resource created against its CustomResourceDefinition, as the
// API server handles a create with fieldValidation=Strict. The CRD is first defaulted and
// validated as the API server does when it is created; an invalid CRD answers {crdErrors}. The
// custom resource is then decoded as the CRD handler decodes it (defaults, then pruning of the
// fields the schema does not know, which Strict refuses as `unknown field`, nulls the schema does
// not allow dropped, ObjectMeta coerced), prepared for create, and validated as the
// customresource registry strategy does: type and object metadata, the OpenAPI schema, embedded
// resources, list-type invariants, then the x-kubernetes-validations rules unless an earlier
// error blocks them.

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextensionsinstall "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/install"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	apiextensionsvalidation "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel"
	structuraldefaulting "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	structurallisttype "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/listtype"
	schemaobjectmeta "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/objectmeta"
	structuralpruning "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	metavalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	kfield "k8s.io/apimachinery/pkg/util/validation/field"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
)

var crdScheme = func() *runtime.Scheme {
	s := runtime.NewScheme()
	apiextensionsinstall.Install(s)
	return s
}()

type customError struct {
	Type    string `json:"type"`
	Field   string `json:"field"`
	Detail  string `json:"detail"`
	Message string `json:"message"`
}

type customAnswer struct {
	Accepted  bool                   `json:"accepted"`
	Errors    []customError          `json:"errors"`
	Defaulted map[string]interface{} `json:"defaulted,omitempty"`
	CrdErrors []customError          `json:"crdErrors,omitempty"`
}

func init() {
	ops["validate-custom"] = func(raw []byte) response {
		var req struct {
			Crd    json.RawMessage `json:"crd"`
			Object json.RawMessage `json:"object"`
		}
		if err := json.Unmarshal(raw, &req); err != nil {
			return response{Error: fmt.Sprintf("bad request: %v", err)}
		}
		answer, err := validateCustom(req.Crd, req.Object)
		if err != nil {
			return response{Error: err.Error()}
		}
		out, err := json.Marshal(answer)
		if err != nil {
			return response{Error: err.Error()}
		}
		return response{Result: out}
	}
}

func customErrors(list kfield.ErrorList) []customError {
	out := make([]customError, 0, len(list))
	for _, e := range list {
		out = append(out, customError{Type: string(e.Type), Field: e.Field, Detail: e.Detail, Message: e.Error()})
	}
	sortCustomErrors(out)
	return out
}

func sortCustomErrors(out []customError) {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Field != out[j].Field {
			return out[i].Field < out[j].Field
		}
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].Message < out[j].Message
	})
}

// preparedCRD is a CRD as created once: the real-world replay sends one CRD with many objects,
// and its validation, structural schema and validators are made once, as the API server does.
type preparedCRD struct {
	crd       *apiextensions.CustomResourceDefinition
	crdErrors []customError
	versions  map[string]*preparedVersion
}

type preparedVersion struct {
	schemaProps     *apiextensions.JSONSchemaProps
	structural      *structuralschema.Structural
	preserve        bool
	schemaValidator apiservervalidation.SchemaValidator
	celValidator    *cel.Validator
}

var preparedCRDs = map[[32]byte]*preparedCRD{}

func prepareCRD(ctx context.Context, crdJSON []byte) (*preparedCRD, error) {
	key := sha256.Sum256(crdJSON)
	if p, ok := preparedCRDs[key]; ok {
		return p, nil
	}
	if len(preparedCRDs) > 256 {
		preparedCRDs = map[[32]byte]*preparedCRD{}
	}
	p := &preparedCRD{versions: map[string]*preparedVersion{}}
	// The CRD, created: decoded as v1, defaulted, converted to the internal version, validated.
	v1crd := &apiextensionsv1.CustomResourceDefinition{}
	if err := json.Unmarshal(crdJSON, v1crd); err != nil {
		p.crdErrors = []customError{{Type: "DecodeError", Detail: err.Error(), Message: err.Error()}}
	} else {
		crdScheme.Default(v1crd)
		crd := &apiextensions.CustomResourceDefinition{}
		if err := crdScheme.Convert(v1crd, crd, nil); err != nil {
			return nil, fmt.Errorf("converting the CRD: %v", err)
		}
		p.crd = crd
		if errs := apiextensionsvalidation.ValidateCustomResourceDefinition(ctx, crd); len(errs) > 0 {
			p.crdErrors = customErrors(errs)
		}
	}
	preparedCRDs[key] = p
	return p, nil
}

// version builds what the CRD handler builds for one served version.
func (p *preparedCRD) version(name string) (*preparedVersion, error) {
	if v, ok := p.versions[name]; ok {
		return v, nil
	}
	crd := p.crd
	validation, err := apiextensions.GetSchemaForVersion(crd, name)
	if err != nil {
		return nil, err
	}
	v := &preparedVersion{preserve: crd.Spec.PreserveUnknownFields != nil && *crd.Spec.PreserveUnknownFields}
	if validation != nil {
		v.schemaProps = validation.OpenAPIV3Schema
	}
	if v.schemaProps != nil {
		s, err := structuralschema.NewStructural(v.schemaProps)
		if err != nil && !v.preserve {
			return nil, fmt.Errorf("the schema is not structural: %v", err)
		}
		if s != nil && !v.preserve {
			s = s.DeepCopy()
			if err := structuraldefaulting.PruneDefaults(s); err != nil {
				return nil, fmt.Errorf("pruning defaults: %v", err)
			}
		}
		v.structural = s
	}
	v.schemaValidator, _, err = apiservervalidation.NewSchemaValidator(v.schemaProps)
	if err != nil {
		return nil, fmt.Errorf("the schema validator: %v", err)
	}
	if v.structural != nil {
		v.celValidator = cel.NewValidator(v.structural, true, celconfig.PerCallLimit)
	}
	p.versions[name] = v
	return v, nil
}

func validateCustom(crdJSON, objectJSON []byte) (*customAnswer, error) {
	ctx := context.Background()
	prepared, err := prepareCRD(ctx, crdJSON)
	if err != nil {
		return nil, err
	}
	if len(prepared.crdErrors) > 0 {
		return &customAnswer{CrdErrors: prepared.crdErrors}, nil
	}
	crd := prepared.crd

	// The custom resource as JSON decodes into unstructured content (int64 and float64 numbers).
	var content map[string]interface{}
	if err := utiljson.Unmarshal(objectJSON, &content); err != nil {
		return nil, fmt.Errorf("decoding the object: %v", err)
	}
	u := &unstructured.Unstructured{Object: content}
	gv, err := schema.ParseGroupVersion(u.GetAPIVersion())
	if err != nil {
		return nil, fmt.Errorf("the object's apiVersion: %v", err)
	}
	if gv.Group != crd.Spec.Group || u.GetKind() != crd.Spec.Names.Kind {
		return nil, fmt.Errorf("the object (%s %s) is not a resource of the CRD", u.GetAPIVersion(), u.GetKind())
	}
	if !apiextensions.HasServedCRDVersion(crd, gv.Version) {
		return nil, fmt.Errorf("the CRD does not serve version %q", gv.Version)
	}
	version, err := prepared.version(gv.Version)
	if err != nil {
		return nil, err
	}
	structural, preserve := version.structural, version.preserve

	// Decoding: defaults first (the codec's defaulter), then the schema coercer.
	if structural != nil {
		structuraldefaulting.Default(u.Object, structural)
	}
	var unknown []string
	objectMeta, foundObjectMeta, metaUnknown, err := schemaobjectmeta.GetObjectMetaWithOptions(u.Object, schemaobjectmeta.ObjectMetaOptions{ReturnUnknownFieldPaths: true})
	if err != nil {
		return refused(kfield.ErrorList{kfield.Invalid(kfield.NewPath("metadata"), nil, err.Error())}, nil, u.Object), nil
	}
	unknown = append(unknown, metaUnknown...)
	kind, apiVersion := u.GetKind(), u.GetAPIVersion()
	if !preserve {
		unknown = append(unknown, structuralpruning.PruneWithOptions(u.Object, structural, true, structuralschema.UnknownFieldPathOptions{TrackUnknownFieldPaths: true})...)
		structuraldefaulting.PruneNonNullableNullsWithoutDefaults(u.Object, structural)
	}
	coerceErr, paths := schemaobjectmeta.CoerceWithOptions(nil, u.Object, structural, false, schemaobjectmeta.CoerceOptions{ReturnUnknownFieldPaths: true})
	if coerceErr != nil {
		return refused(kfield.ErrorList{coerceErr}, unknown, u.Object), nil
	}
	unknown = append(unknown, paths...)
	u.SetKind(kind)
	u.SetAPIVersion(apiVersion)
	if foundObjectMeta {
		if err := schemaobjectmeta.SetObjectMeta(u.Object, objectMeta); err != nil {
			return nil, err
		}
	}
	defaulted := runtime.DeepCopyJSON(u.Object)

	// Create: the namespace comes from the request, a generateName becomes a name, status is
	// dropped where the status subresource owns it, generation is 1.
	namespaced := crd.Spec.Scope == apiextensions.NamespaceScoped
	if namespaced && u.GetNamespace() == "" {
		u.SetNamespace("default")
	}
	if !namespaced {
		u.SetNamespace("")
	}
	if u.GetName() == "" && u.GetGenerateName() != "" {
		u.SetName(u.GetGenerateName() + "x2p7q")
	}
	subresources, err := apiextensions.GetSubresourcesForVersion(crd, gv.Version)
	if err != nil {
		return nil, err
	}
	var scale *apiextensions.CustomResourceSubresourceScale
	if subresources != nil {
		if subresources.Status != nil {
			delete(u.Object, "status")
		}
		scale = subresources.Scale
	}
	u.SetGeneration(1)

	// customResourceValidator.Validate
	var errs kfield.ErrorList
	typeErrs := kfield.ErrorList{}
	if u.GetKind() != crd.Spec.Names.Kind {
		typeErrs = append(typeErrs, kfield.Invalid(kfield.NewPath("kind"), u.GetKind(), fmt.Sprintf("must be %v", crd.Spec.Names.Kind)))
	}
	if u.GetAPIVersion() != crd.Spec.Group+"/"+gv.Version {
		typeErrs = append(typeErrs, kfield.Invalid(kfield.NewPath("apiVersion"), u.GetAPIVersion(), fmt.Sprintf("must be %v", crd.Spec.Group+"/"+gv.Version)))
	}
	if len(typeErrs) > 0 {
		errs = typeErrs
	} else {
		errs = append(errs, metavalidation.ValidateObjectMetaAccessor(u, namespaced, metavalidation.NameIsDNSSubdomain, kfield.NewPath("metadata"))...)
		errs = append(errs, apiservervalidation.ValidateCustomResource(nil, u.UnstructuredContent(), version.schemaValidator)...)
		errs = append(errs, scaleErrors(u, scale)...)
	}
	if structural != nil {
		errs = append(errs, schemaobjectmeta.Validate(nil, u.Object, structural, false)...)
		errs = append(errs, structurallisttype.ValidateListSetsAndMaps(nil, structural, u.Object)...)
		if celValidator := version.celValidator; celValidator != nil {
			if blocking(errs) {
				errs = append(errs, kfield.Invalid(nil, nil, "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"))
			} else {
				celErrs, _ := celValidator.Validate(ctx, nil, structural, u.Object, nil, celconfig.RuntimeCELCostBudget)
				errs = append(errs, celErrs...)
			}
		}
	}
	return refused(errs, unknown, defaulted), nil
}

// refused is the answer: the validation errors and, as fieldValidation=Strict refuses them, the
// unknown fields.
func refused(errs kfield.ErrorList, unknown []string, defaulted map[string]interface{}) *customAnswer {
	out := customErrors(errs)
	for _, path := range unknown {
		msg := fmt.Sprintf("unknown field %q", path)
		out = append(out, customError{Type: "FieldValueUnknown", Field: path, Detail: msg, Message: msg})
	}
	sortCustomErrors(out)
	return &customAnswer{Accepted: len(out) == 0, Errors: out, Defaulted: defaulted}
}

// blocking: errors after which the API server does not run the CEL rules (hasBlockingErr).
func blocking(errs kfield.ErrorList) bool {
	for _, e := range errs {
		switch e.Type {
		case kfield.ErrorTypeNotSupported, kfield.ErrorTypeRequired, kfield.ErrorTypeTooLong, kfield.ErrorTypeTooMany, kfield.ErrorTypeTypeInvalid:
			return true
		}
	}
	return false
}

// scaleErrors: customResourceValidator.ValidateScaleSpec and ValidateScaleStatus.
func scaleErrors(u *unstructured.Unstructured, scale *apiextensions.CustomResourceSubresourceScale) kfield.ErrorList {
	if scale == nil {
		return nil
	}
	var errs kfield.ErrorList
	replicas := func(path string) {
		trimmed := strings.TrimPrefix(path, ".")
		n, _, err := unstructured.NestedInt64(u.Object, strings.Split(trimmed, ".")...)
		switch {
		case err != nil:
			errs = append(errs, kfield.Invalid(kfield.NewPath(path), n, err.Error()))
		case n < 0:
			errs = append(errs, kfield.Invalid(kfield.NewPath(path), n, "should be a non-negative integer"))
		case n > math.MaxInt32:
			errs = append(errs, kfield.Invalid(kfield.NewPath(path), n, fmt.Sprintf("should be less than or equal to %v", math.MaxInt32)))
		}
	}
	replicas(scale.SpecReplicasPath)
	replicas(scale.StatusReplicasPath)
	if scale.LabelSelectorPath != nil {
		trimmed := strings.TrimPrefix(*scale.LabelSelectorPath, ".")
		selector, _, err := unstructured.NestedString(u.Object, strings.Split(trimmed, ".")...)
		if err != nil {
			errs = append(errs, kfield.Invalid(kfield.NewPath(*scale.LabelSelectorPath), selector, err.Error()))
		}
	}
	return errs
}
