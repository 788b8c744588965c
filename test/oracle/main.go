// Command oracle answers, with upstream Kubernetes code, what kubeplan re-implements: the
// differential tests in test/ send it cases as JSON lines on standard input and compare its
// answers (one JSON line per case) with kubeplan's. It is test tooling: kubeplan does not need Go.
//
// A case is {"op": "...", ...}; the ops are in this package's files (apply.go, server_side.go, types.go).
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

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req request
		var res response
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			res.Error = fmt.Sprintf("bad request: %v", err)
		} else {
			switch req.Op {
			case "apply":
				res = clientSideApply(req)
			case "server-side-apply":
				res = serverSideApply(req)
			case "server-side-apply-schema":
				res = ssaSchema()
			case "types":
				res = apiTypes()
			default:
				res.Error = fmt.Sprintf("unknown op %q", req.Op)
			}
		}
		if err := out.Encode(res); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
