# Get-LmChildren: the child elements of a node with this name, whatever its case ('*': all).
function Get-LmChildren {
  param($Node, [string] $Name)
  if (-not $Node) { return }
  foreach ($c in $Node.ChildNodes) {
    if ($c.NodeType -eq [System.Xml.XmlNodeType]::Element -and ($Name -eq '*' -or $c.LocalName -ieq $Name)) { $c }
  }
}

# Get-LmChild: a node's first child element with this name, whatever its case, or $null.
function Get-LmChild {
  param($Node, [string] $Name)
  if ($Node) {
    foreach ($c in $Node.ChildNodes) {
      if ($c.NodeType -eq [System.Xml.XmlNodeType]::Element -and $c.LocalName -ieq $Name) { return $c }
    }
  }
  $null
}

# Get-LmFields: a node's child elements as name -> text, the first of each name, any case. Read once
# per node and kept while the node lives: a listing is asked about again and again.
$script:Fields = [System.Runtime.CompilerServices.ConditionalWeakTable[object, hashtable]]::new()
function Get-LmFields {
  param($Node)
  $fields = $null
  if ($script:Fields.TryGetValue($Node, [ref]$fields)) { return $fields }
  $fields = @{}
  foreach ($c in $Node.ChildNodes) {
    if ($c.NodeType -eq [System.Xml.XmlNodeType]::Element -and -not $fields.ContainsKey($c.LocalName)) { $fields[$c.LocalName] = [string]$c.InnerText }
  }
  $script:Fields.Add($Node, $fields)
  $fields
}

# Get-LmText: the text of a node's first child element with this name, or $null when there is none.
function Get-LmText {
  param($Node, [string] $Name)
  if ($Node) { (Get-LmFields $Node)[$Name] } else { $null }
}

# Get-LmData: the <Data> of a reply; a <Success> that holds elements but no <Data> stands for it (a
# list given without the <Data> every captured reply has is read as a list, not as an empty reply).
function Get-LmData {
  param($Response)
  $success = Get-LmChild $Response 'Success'
  $data = Get-LmChild $success 'Data'
  if ($data) { return $data }
  if (@(Get-LmChildren $success '*').Count -gt 0) { return $success }
  $null
}

# Get-LmListing: the <VS> elements of listvs. Each must hold its Index (the API names every Virtual
# Service by it): a listing without one stops the run, as its objects cannot be told apart.
function Get-LmListing {
  $all = @(Get-LmChildren (Get-LmData (Read-Lm 'listvs' 'listvs')) 'VS')
  foreach ($vs in $all) {
    if ([string](Get-LmText $vs 'Index') -notmatch '^[0-9]+$') {
      Stop-LmStep 'listvs lists a Virtual Service without an Index (the API names each by it): its objects cannot be told apart'
    }
  }
  $all
}

# Get-LmRecord: the element holding a Virtual Service's fields in a showvs reply: <Data> itself
# (captured replies), or the <VS> inside it if it holds one.
function Get-LmRecord {
  param($Response)
  $data = Get-LmData $Response
  $vs = Get-LmChild $data 'VS'
  if ($vs) { return $vs }
  $data
}

# Get-LmTail: the texts of the elements named Child inside an element named Parent, at any depth.
function Get-LmTail {
  param($Response, [string] $Parent, [string] $Child)
  if (-not $Response) { return }
  foreach ($e in $Response.SelectNodes('.//*')) {
    if ($e.LocalName -ieq $Child -and $e.ParentNode.LocalName -ieq $Parent) { [string]$e.InnerText }
  }
}

# Read-LmVs: the record of Virtual Service or SubVS Index.
function Read-LmVs {
  param($Index)
  Get-LmRecord (Read-Lm "vs-$Index" 'showvs' (Get-LmVsQuery $Index))
}

# Save-LmVsReply: after addvs or modvs, which answer with the whole Virtual Service (captured
# replies), keeps the reply as that service's showvs. Returns its Index, or $null (keeping nothing)
# when the reply holds none.
function Save-LmVsReply {
  param($Response)
  $index = [string](Get-LmText (Get-LmRecord $Response) 'Index')
  if ($index -notmatch '^[0-9]+$') { return $null }
  $script:Cache["vs-$index"] = $Response
  $index
}
