package main

// The "schedule" op: one scheduling cycle of kube-scheduler's default profile for one pod, on a
// cluster of nodes and bound pods, with the real framework and in-tree plugins.
//
// The cycle is the one Scheduler.schedulingAlgorithm runs: PreFilter, Filter on the nodes the
// PreFilter result allows, and then Score when more than one node is feasible, or PostFilter
// (DynamicResources, DefaultPreemption) when none is. percentageOfNodesToScore does not come into
// play (fewer than 100 nodes: every node is filtered); there are no extenders and no nominated pods.

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	appsv1 "k8s.io/api/apps/v1"
	v1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/sets"
	utilfeature "k8s.io/apiserver/pkg/util/feature"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes/fake"
	clienttesting "k8s.io/client-go/testing"
	"k8s.io/client-go/tools/events"
	"k8s.io/dynamic-resource-allocation/resourceslice/tracker"
	"k8s.io/klog/v2"
	fwk "k8s.io/kube-scheduler/framework"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/features"
	"k8s.io/kubernetes/pkg/scheduler/apis/config/latest"
	internalcache "k8s.io/kubernetes/pkg/scheduler/backend/cache"
	internalqueue "k8s.io/kubernetes/pkg/scheduler/backend/queue"
	"k8s.io/kubernetes/pkg/scheduler/framework"
	"k8s.io/kubernetes/pkg/scheduler/framework/plugins"
	"k8s.io/kubernetes/pkg/scheduler/framework/plugins/defaultpreemption"
	"k8s.io/kubernetes/pkg/scheduler/framework/plugins/dynamicresources"
	"k8s.io/kubernetes/pkg/scheduler/framework/plugins/nodevolumelimits"
	frameworkruntime "k8s.io/kubernetes/pkg/scheduler/framework/runtime"
	"k8s.io/kubernetes/pkg/scheduler/metrics"
	"k8s.io/kubernetes/pkg/scheduler/util/assumecache"
)

type scheduleRequest struct {
	Nodes                  []json.RawMessage `json:"nodes"`
	Pods                   []json.RawMessage `json:"pods"`
	Pod                    json.RawMessage   `json:"pod"`
	Namespaces             []json.RawMessage `json:"namespaces"`
	Services               []json.RawMessage `json:"services"`
	ReplicaSets            []json.RawMessage `json:"replicaSets"`
	StatefulSets           []json.RawMessage `json:"statefulSets"`
	ReplicationControllers []json.RawMessage `json:"replicationControllers"`
}

// nodeStatus is a node's Filter result: the rejecting plugin, its status code and reasons.
type nodeStatus struct {
	Plugin  string   `json:"plugin,omitempty"`
	Code    string   `json:"code"`
	Reasons []string `json:"reasons,omitempty"`
}

type nodeScore struct {
	Total int64 `json:"total"`
	// Weighted (and, where the plugin has one, normalised) score per plugin that scored.
	Plugins map[string]int64 `json:"plugins"`
}

type scheduleResult struct {
	// Per node rejected by PreFilter or Filter.
	Rejected map[string]nodeStatus `json:"rejected"`
	Feasible []string              `json:"feasible"`
	// Per feasible node, when more than one was feasible (kube-scheduler scores only then).
	Scores map[string]nodeScore `json:"scores,omitempty"`
	// The nodes with the top total score: kube-scheduler picks one of them at random.
	Chosen []string `json:"chosen"`
	// For an unschedulable pod: the FailedScheduling message (FitError with the PostFilter part).
	Message string `json:"message,omitempty"`
	// When PostFilter (preemption) nominated a node: that node and the victims (namespace/name).
	NominatedNode string   `json:"nominatedNode,omitempty"`
	Victims       []string `json:"victims,omitempty"`
	// Every preemption kube-scheduler may choose: it dry-runs the nodes from a random offset and
	// takes the first of the candidates that tie on pickOneNodeForPreemption's criteria. One entry
	// per offset's choice (node and its victims, sorted), without repeats.
	Preemptions []preemptionChoice `json:"preemptions,omitempty"`
}

type preemptionChoice struct {
	Node    string   `json:"node"`
	Victims []string `json:"victims"`
}

var (
	scheduleSetup    sync.Once
	scheduleSetupErr error
)

func init() {
	ops["schedule"] = func(raw []byte) response {
		var req scheduleRequest
		if err := json.Unmarshal(raw, &req); err != nil {
			return response{Error: fmt.Sprintf("bad request: %v", err)}
		}
		scheduleSetup.Do(func() {
			// Synchronous preemption: the victims are deleted before PostFilter returns, so the
			// answer can name them (the async one deletes them in a goroutine; same choice of victims).
			scheduleSetupErr = utilfeature.DefaultMutableFeatureGate.Set(string(features.SchedulerAsyncPreemption) + "=false")
			// The queue and the framework record metrics: they must be registered first.
			metrics.Register()
			// Quiet: the framework logs to stderr.
			klog.SetOutput(discard{})
			klog.LogToStderr(false)
		})
		if scheduleSetupErr != nil {
			return response{Error: scheduleSetupErr.Error()}
		}
		res, err := scheduleOne(req)
		if err != nil {
			return response{Error: err.Error()}
		}
		out, err := json.Marshal(res)
		if err != nil {
			return response{Error: err.Error()}
		}
		return response{Result: out}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// decodeDefaulted reads a v1 object and applies the API server's defaulting to it.
func decodeDefaulted(raw json.RawMessage, into runtime.Object) error {
	if err := json.Unmarshal(raw, into); err != nil {
		return err
	}
	legacyscheme.Scheme.Default(into)
	return nil
}

func scheduleOne(req scheduleRequest) (*scheduleResult, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	nodes := make([]*v1.Node, 0, len(req.Nodes))
	for _, raw := range req.Nodes {
		n := &v1.Node{}
		if err := decodeDefaulted(raw, n); err != nil {
			return nil, fmt.Errorf("node: %v", err)
		}
		nodes = append(nodes, n)
	}
	var bound []*v1.Pod
	objects := []runtime.Object{}
	for i, raw := range req.Pods {
		p := &v1.Pod{}
		if err := decodeDefaulted(raw, p); err != nil {
			return nil, fmt.Errorf("pod: %v", err)
		}
		// The scheduler's pod informer leaves finished pods out (its field selector excludes the
		// phases Succeeded and Failed): they hold nothing.
		if p.Status.Phase == v1.PodSucceeded || p.Status.Phase == v1.PodFailed {
			continue
		}
		if p.UID == "" {
			p.UID = types.UID(fmt.Sprintf("bound-%d", i))
		}
		bound = append(bound, p)
		objects = append(objects, p)
	}
	pod := &v1.Pod{}
	if err := decodeDefaulted(req.Pod, pod); err != nil {
		return nil, fmt.Errorf("pod: %v", err)
	}
	if pod.UID == "" {
		pod.UID = "pending"
	}
	objects = append(objects, pod)

	client := fake.NewClientset(objects...)
	var victims []string
	client.PrependReactor("delete", "pods", func(action clienttesting.Action) (bool, runtime.Object, error) {
		d := action.(clienttesting.DeleteAction)
		victims = append(victims, d.GetNamespace()+"/"+d.GetName())
		return false, nil, nil
	})
	factory := informers.NewSharedInformerFactory(client, 0)
	// The listers the plugins use read the informers' stores: fill them directly.
	podStore := factory.Core().V1().Pods().Informer().GetStore()
	for _, p := range bound {
		if err := podStore.Add(p); err != nil {
			return nil, err
		}
	}
	if err := podStore.Add(pod); err != nil {
		return nil, err
	}
	for _, n := range nodes {
		if err := factory.Core().V1().Nodes().Informer().GetStore().Add(n); err != nil {
			return nil, err
		}
	}
	add := func(raws []json.RawMessage, obj func() runtime.Object, store func() interface{ Add(any) error }) error {
		for _, raw := range raws {
			o := obj()
			if err := decodeDefaulted(raw, o); err != nil {
				return err
			}
			if err := store().Add(o); err != nil {
				return err
			}
		}
		return nil
	}
	if err := add(req.Namespaces, func() runtime.Object { return &v1.Namespace{} },
		func() interface{ Add(any) error } { return factory.Core().V1().Namespaces().Informer().GetStore() }); err != nil {
		return nil, err
	}
	if err := add(req.Services, func() runtime.Object { return &v1.Service{} },
		func() interface{ Add(any) error } { return factory.Core().V1().Services().Informer().GetStore() }); err != nil {
		return nil, err
	}
	if err := add(req.ReplicationControllers, func() runtime.Object { return &v1.ReplicationController{} },
		func() interface{ Add(any) error } {
			return factory.Core().V1().ReplicationControllers().Informer().GetStore()
		}); err != nil {
		return nil, err
	}
	if err := add(req.ReplicaSets, func() runtime.Object { return &appsv1.ReplicaSet{} },
		func() interface{ Add(any) error } { return factory.Apps().V1().ReplicaSets().Informer().GetStore() }); err != nil {
		return nil, err
	}
	if err := add(req.StatefulSets, func() runtime.Object { return &appsv1.StatefulSet{} },
		func() interface{ Add(any) error } { return factory.Apps().V1().StatefulSets().Informer().GetStore() }); err != nil {
		return nil, err
	}

	cfg, err := latest.Default()
	if err != nil {
		return nil, err
	}
	profile := &cfg.Profiles[0]

	logger := klog.FromContext(ctx)
	claimCache := assumecache.NewAssumeCache(logger, factory.Resource().V1().ResourceClaims().Informer(), "ResourceClaim", "", nil)
	sliceTracker, err := tracker.StartTracker(ctx, tracker.Options{
		SliceInformer: factory.Resource().V1().ResourceSlices(),
		KubeClient:    client,
	})
	if err != nil {
		return nil, err
	}
	// The snapshot as the running scheduler makes it: nodes and pods added to its cache (in input
	// order, as informer events would add them), then copied into a snapshot. The cache keeps one
	// summary per image name across nodes, NewSnapshot (a test helper) one per node.
	schedCache := internalcache.New(ctx, nil, false)
	for _, n := range nodes {
		schedCache.AddNode(logger, n)
	}
	for _, p := range bound {
		if err := schedCache.AddPod(logger, p); err != nil {
			return nil, err
		}
	}
	snapshot := internalcache.NewEmptySnapshot()
	if err := schedCache.UpdateSnapshot(logger, snapshot); err != nil {
		return nil, err
	}
	registry := plugins.NewInTreeRegistry()
	var preemptionPlugin *defaultpreemption.DefaultPreemption
	newPreemption := registry[defaultpreemption.Name]
	registry[defaultpreemption.Name] = func(ctx context.Context, args runtime.Object, h fwk.Handle) (fwk.Plugin, error) {
		p, err := newPreemption(ctx, args, h)
		if pl, ok := p.(*defaultpreemption.DefaultPreemption); ok {
			preemptionPlugin = pl
		}
		return p, err
	}
	schedFramework, err := frameworkruntime.NewFramework(ctx, registry, profile,
		frameworkruntime.WithClientSet(client),
		frameworkruntime.WithInformerFactory(factory),
		frameworkruntime.WithEventRecorder(&events.FakeRecorder{}),
		frameworkruntime.WithSharedDRAManager(dynamicresources.NewDRAManager(ctx, claimCache, sliceTracker, factory)),
		frameworkruntime.WithSharedCSIManager(nodevolumelimits.NewCSIManager(factory.Storage().V1().CSINodes().Lister())),
		frameworkruntime.WithSnapshotSharedLister(snapshot),
		frameworkruntime.WithPodNominator(internalqueue.NewSchedulingQueue(nil, factory)),
		frameworkruntime.WithWaitingPods(frameworkruntime.NewWaitingPodsMap()),
		frameworkruntime.WithPodsInPreBind(frameworkruntime.NewPodsInPreBindMap()),
		frameworkruntime.WithParallelism(1),
	)
	if err != nil {
		return nil, err
	}

	res := &scheduleResult{Rejected: map[string]nodeStatus{}, Feasible: []string{}, Chosen: []string{}}
	allNodes, err := snapshot.NodeInfos().List()
	if err != nil {
		return nil, err
	}
	if len(allNodes) == 0 {
		res.Message = "no nodes available to schedule pods"
		return res, nil
	}

	state := framework.NewCycleState()
	diagnosis := framework.Diagnosis{NodeToStatus: framework.NewDefaultNodeToStatus()}
	preRes, s, unschedulablePlugins := schedFramework.RunPreFilterPlugins(ctx, state, pod)
	diagnosis.UnschedulablePlugins = unschedulablePlugins
	var feasible []fwk.NodeInfo
	if !s.IsSuccess() {
		if !s.IsRejected() {
			return nil, s.AsError()
		}
		diagnosis.NodeToStatus.SetAbsentNodesStatus(s)
		diagnosis.PreFilterMsg = s.Message()
		diagnosis.AddPluginStatus(s)
		for _, n := range allNodes {
			res.Rejected[n.Node().Name] = statusOf(s)
		}
	} else {
		candidates := allNodes
		if !preRes.AllNodes() {
			candidates = nil
			for _, n := range allNodes {
				if preRes.NodeNames.Has(n.Node().Name) {
					candidates = append(candidates, n)
				}
			}
			absent := fwk.NewStatus(fwk.UnschedulableAndUnresolvable,
				fmt.Sprintf("node(s) didn't satisfy plugin(s) %v", sets.List(unschedulablePlugins)))
			diagnosis.NodeToStatus.SetAbsentNodesStatus(absent)
			for _, n := range allNodes {
				if !preRes.NodeNames.Has(n.Node().Name) {
					res.Rejected[n.Node().Name] = statusOf(absent)
				}
			}
		}
		for _, n := range candidates {
			status := schedFramework.RunFilterPluginsWithNominatedPods(ctx, state, pod, n)
			if status.Code() == fwk.Error {
				return nil, status.AsError()
			}
			if status.IsSuccess() {
				feasible = append(feasible, n)
				res.Feasible = append(res.Feasible, n.Node().Name)
				continue
			}
			diagnosis.NodeToStatus.Set(n.Node().Name, status)
			diagnosis.AddPluginStatus(status)
			res.Rejected[n.Node().Name] = statusOf(status)
		}
	}
	sort.Strings(res.Feasible)

	switch {
	case len(feasible) == 0:
		fitError := &framework.FitError{Pod: pod, NumAllNodes: len(allNodes), Diagnosis: diagnosis}
		if schedFramework.HasPostFilterPlugins() {
			result, status := schedFramework.RunPostFilterPlugins(ctx, state, pod, fitError.Diagnosis.NodeToStatus)
			if status.Code() == fwk.Error {
				return nil, status.AsError()
			}
			fitError.Diagnosis.PostFilterMsg = status.Message()
			if result != nil && result.NominatingInfo != nil && result.NominatedNodeName != "" {
				res.NominatedNode = result.NominatedNodeName
				sort.Strings(victims)
				res.Victims = victims
				if preemptionPlugin == nil {
					return nil, fmt.Errorf("no DefaultPreemption plugin")
				}
				choices, err := preemptionChoices(ctx, preemptionPlugin, state, pod, snapshot, fitError.Diagnosis.NodeToStatus)
				if err != nil {
					return nil, err
				}
				res.Preemptions = choices
			}
		}
		res.Message = fitError.Error()
	case len(feasible) == 1:
		res.Chosen = []string{feasible[0].Node().Name}
	default:
		if status := schedFramework.RunPreScorePlugins(ctx, state, pod, feasible); !status.IsSuccess() {
			return nil, status.AsError()
		}
		scores, status := schedFramework.RunScorePlugins(ctx, state, pod, feasible)
		if !status.IsSuccess() {
			return nil, status.AsError()
		}
		res.Scores = map[string]nodeScore{}
		var top int64
		for i, ns := range scores {
			perPlugin := map[string]int64{}
			for _, ps := range ns.Scores {
				perPlugin[ps.Name] = ps.Score
			}
			res.Scores[ns.Name] = nodeScore{Total: ns.TotalScore, Plugins: perPlugin}
			if i == 0 || ns.TotalScore > top {
				top = ns.TotalScore
			}
		}
		for _, ns := range scores {
			if ns.TotalScore == top {
				res.Chosen = append(res.Chosen, ns.Name)
			}
		}
		sort.Strings(res.Chosen)
	}
	return res, nil
}

// preemptionChoices runs DefaultPreemption's dry run from every offset and its choice of candidate.
func preemptionChoices(ctx context.Context, pl *defaultpreemption.DefaultPreemption, state fwk.CycleState, pod *v1.Pod,
	snapshot *internalcache.Snapshot, statuses fwk.NodeToStatusReader) ([]preemptionChoice, error) {
	potential, err := statuses.NodesForStatusCode(snapshot.NodeInfos(), fwk.Unschedulable)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var choices []preemptionChoice
	for offset := range potential {
		_, num := pl.GetOffsetAndNumCandidates(int32(len(potential)))
		candidates, _, err := pl.Evaluator.DryRunPreemption(ctx, state, pod, potential, nil, int32(offset), num)
		if err != nil && len(candidates) == 0 {
			return nil, err
		}
		best := pl.Evaluator.SelectCandidate(ctx, candidates)
		if best == nil || seen[best.Name()] {
			continue
		}
		seen[best.Name()] = true
		victims := []string{}
		for _, v := range best.Victims().Pods {
			victims = append(victims, v.Namespace+"/"+v.Name)
		}
		sort.Strings(victims)
		choices = append(choices, preemptionChoice{Node: best.Name(), Victims: victims})
	}
	sort.Slice(choices, func(i, j int) bool { return choices[i].Node < choices[j].Node })
	return choices, nil
}

func statusOf(s *fwk.Status) nodeStatus {
	return nodeStatus{Plugin: s.Plugin(), Code: s.Code().String(), Reasons: s.Reasons()}
}
