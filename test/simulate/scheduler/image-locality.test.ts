/**
 * The cases of kube-scheduler's pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go
 * (TestImageLocalityPriority, TestNormalizedImageName), as facts, through schedule().
 */
import { describe, expect, it } from '@jest/globals';
import type { INode } from 'kubernetes-models/v1/Node';
import { normalizedImageName } from '../../../src/simulate/scheduler/plugins/image-locality.js';
import { pluginScores, pod, run } from './builders.js';

const mb = 1024 * 1024;
type Images = Array<{ names: string[]; sizeBytes: number }>;
const imageNode = (name: string, images: Images): INode =>
  ({ metadata: { name }, status: { allocatable: { cpu: '4', memory: '8Gi' }, images } }) as unknown as INode;
const withImages = (containers: string[], init: string[] = []) =>
  pod('p', {
    spec: {
      containers: containers.map((image, i) => ({ name: `c${i}`, image })),
      initContainers: init.map((image, i) => ({ name: `i${i}`, image })),
    },
  });
const scores = (nodes: INode[], p: ReturnType<typeof withImages>) => pluginScores(run(nodes, [p])[0]!, 'ImageLocality');

const node403002000: Images = [
  { names: ['gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'], sizeBytes: 40 * mb },
  { names: ['gcr.io/300:latest', 'gcr.io/300:v1'], sizeBytes: 300 * mb },
  { names: ['gcr.io/2000:latest'], sizeBytes: 2000 * mb },
];
const node25010: Images = [
  { names: ['gcr.io/250:latest'], sizeBytes: 250 * mb },
  { names: ['gcr.io/10:latest', 'gcr.io/10:v1'], sizeBytes: 10 * mb },
];
const node60040900: Images = [
  { names: ['gcr.io/600:latest'], sizeBytes: 600 * mb },
  { names: ['gcr.io/40:latest'], sizeBytes: 40 * mb },
  { names: ['gcr.io/900:latest'], sizeBytes: 900 * mb },
];
const node300600900: Images = [
  { names: ['gcr.io/300:latest'], sizeBytes: 300 * mb },
  { names: ['gcr.io/600:latest'], sizeBytes: 600 * mb },
  { names: ['gcr.io/900:latest'], sizeBytes: 900 * mb },
];
const node400030: Images = [
  { names: ['gcr.io/4000:latest'], sizeBytes: 4000 * mb },
  { names: ['gcr.io/30:latest'], sizeBytes: 30 * mb },
];
const node203040: Images = [
  { names: ['gcr.io/20:latest'], sizeBytes: 20 * mb },
  { names: ['gcr.io/30:latest'], sizeBytes: 30 * mb },
  { names: ['gcr.io/40:latest'], sizeBytes: 40 * mb },
];

const cases: Array<{
  name: string;
  nodes: Array<[string, Images]>;
  containers: string[];
  init?: string[];
  want: Record<string, number>;
}> = [
  {
    name: 'two images spread on two nodes, prefer the larger image one',
    nodes: [
      ['node1', node403002000],
      ['node2', node25010],
    ],
    containers: ['gcr.io/40', 'gcr.io/250'],
    want: { node1: 0, node2: 5 },
  },
  {
    name: 'two images on one node, prefer this node',
    nodes: [
      ['node1', node403002000],
      ['node2', node25010],
    ],
    containers: ['gcr.io/40', 'gcr.io/300'],
    want: { node1: 7, node2: 0 },
  },
  {
    name: 'if exceed limit, use limit',
    nodes: [
      ['node1', node400030],
      ['node2', node25010],
    ],
    containers: ['gcr.io/10', 'gcr.io/4000'],
    want: { node1: 100, node2: 0 },
  },
  {
    name: 'if exceed limit, use limit (with node which has no images present)',
    nodes: [
      ['node1', node400030],
      ['node2', node25010],
      ['node3', []],
    ],
    containers: ['gcr.io/10', 'gcr.io/4000'],
    want: { node1: 66, node2: 0, node3: 0 },
  },
  {
    name: 'pod with multiple large images, node2 is preferred',
    nodes: [
      ['node1', node60040900],
      ['node2', node300600900],
      ['node3', []],
    ],
    containers: ['gcr.io/300', 'gcr.io/600', 'gcr.io/900'],
    want: { node1: 32, node2: 36, node3: 0 },
  },
  {
    name: 'pod with multiple small images',
    nodes: [
      ['node1', node203040],
      ['node2', node400030],
    ],
    containers: ['gcr.io/30', 'gcr.io/40'],
    want: { node1: 1, node2: 0 },
  },
  {
    name: 'include InitContainers: two images spread on two nodes, prefer the larger image one',
    nodes: [
      ['node1', node403002000],
      ['node2', node203040],
    ],
    containers: ['gcr.io/30'],
    init: ['gcr.io/300'],
    want: { node1: 6, node2: 0 },
  },
];

describe('ImageLocality (image_locality_test.go)', () => {
  it.each(cases)('$name', ({ nodes, containers, init, want }) => {
    expect(
      scores(
        nodes.map(([name, images]) => imageNode(name, images)),
        withImages(containers, init),
      ),
    ).toEqual(want);
  });

  it('scores a pod without containers 0 on every node (calculatePriority with a threshold of 0)', () => {
    const nodes = [imageNode('node1', node403002000), imageNode('node2', node25010)];
    expect(scores(nodes, withImages([]))).toEqual({ node1: 0, node2: 0 });
  });

  it('normalizes image names (TestNormalizedImageName)', () => {
    expect(normalizedImageName('root')).toBe('root:latest');
    expect(normalizedImageName('gcr.io:5000/root')).toBe('gcr.io:5000/root:latest');
    expect(normalizedImageName('root:tag')).toBe('root:tag');
    const digest = `root@sha256:${'a'.repeat(64)}`;
    expect(normalizedImageName(digest)).toBe(digest);
  });
});
