namespace TetReadiness.Tests.Architecture;

public sealed class FolderDependencyTests
{
    [Fact]
    public void Feature_folders_depend_on_each_other_without_cycles()
    {
        var edges = FunctionsSources.FolderEdges();

        var cycles = StronglyConnected(edges).Where(c => c.Count > 1).ToList();

        Assert.True(cycles.Count == 0, "Folder cycles:\n" + string.Join('\n', cycles.Select(cycle =>
            string.Join(", ", cycle) + "\n    " + string.Join("\n    ", cycle.SelectMany(from =>
                edges.TryGetValue(from, out var targets)
                    ? targets.Where(t => cycle.Contains(t.Key)).Select(t => $"{from} -> {t.Key} ({t.Value})")
                    : [])))));
    }

    [Fact]
    public void The_folder_scan_sees_the_references_it_must_see()
    {
        // The scan itself must work, or the test above would pass on nothing.
        var edges = FunctionsSources.FolderEdges();

        Assert.Contains("Storage", edges["Submissions"].Keys);
        Assert.DoesNotContain(edges, e => e.Value.ContainsKey(e.Key));
    }

    /// <summary>Tarjan's algorithm: the groups of folders that reach each other.</summary>
    private static List<List<string>> StronglyConnected(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(v => v.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets.Keys : [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                component.Sort(StringComparer.Ordinal);
                result.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return result;
    }
}
