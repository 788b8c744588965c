// Command oracle answers, with upstream Kubernetes code, what kubeplan re-implements: the
// differential tests in test/ send it cases as JSON lines on standard input and compare its
// answers (one JSON line per case) with kubeplan's. It is test tooling: kubeplan does not need Go.
//
// A case is {"op": "...", ...}; each op is registered by the file that implements it (apply.go,
// server_side.go, types.go, ...), so that adding an op touches no other file.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

type request struct {
	Op string `json:"op"`
	// apply: the last applied configuration (null when the live object has none), the manifest and the live object.
	Kind     string          `json:"kind,omitempty"`
	Original json.RawMessage `json:"original,omitempty"`
	Modified json.RawMessage `json:"modified,omitempty"`
	Current  json.RawMessage `json:"current,omitempty"`
	// server-side-apply: the field manager applying Modified to Current, and whether it forces conflicts.
	Manager string `json:"manager,omitempty"`
	Force   bool   `json:"force,omitempty"`
}

type response struct {
	Result json.RawMessage `json:"result,omitempty"`
	Error  string          `json:"error,omitempty"`
}

// ops maps an op's name to its handler, which gets the whole case as JSON.
var ops = map[string]func(raw []byte) response{}

// op registers a handler that reads the case into the common request fields.
func op(name string, handle func(request) response) {
	ops[name] = func(raw []byte) response {
		var req request
		if err := json.Unmarshal(raw, &req); err != nil {
			return response{Error: fmt.Sprintf("bad request: %v", err)}
		}
		return handle(req)
	}
}

func init() {
	op("apply", clientSideApply)
	op("server-side-apply", serverSideApply)
	op("server-side-apply-schema", func(request) response { return ssaSchema() })
	op("types", func(request) response { return apiTypes() })
}

// answer runs one case; a panic in upstream code is an answer too, not the end of the run.
func answer(raw []byte) (res response) {
	defer func() {
		if p := recover(); p != nil {
			res = response{Error: fmt.Sprintf("panic: %v", p)}
		}
	}()
	var head struct {
		Op string `json:"op"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return response{Error: fmt.Sprintf("bad request: %v", err)}
	}
	handle, ok := ops[head.Op]
	if !ok {
		return response{Error: fmt.Sprintf("unknown op %q", head.Op)}
	}
	return handle(raw)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		if err := out.Encode(answer(in.Bytes())); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
