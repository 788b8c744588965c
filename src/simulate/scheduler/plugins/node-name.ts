/** NodeName filter: a pod naming a node (spec.nodeName) fits only that node. */
export const NAME = 'NodeName';
export const REASON = "node(s) didn't match the requested node name";

export function fits(podNodeName: string, nodeName: string): boolean {
  return podNodeName === '' || podNodeName === nodeName;
}
