Option Explicit

' Callbacks of the Klantanalyse ribbon tab (templates/ribbon/customUI.xml).
' Every button runs one fixed Python command through xlwings' RunPython; no command is
' ever built from cell contents. When Python cannot be started, SetupHelp explains the
' usual causes in Dutch and the Start sheet is shown, where the set-up steps are.

Private Const TITLE As String = "Klantanalyse"

Public Sub RibbonAnalyseer(control As IRibbonControl)
    StartPython "import klantanalyse.excel.actions as k; k.analyse()"
End Sub

Public Sub RibbonWis(control As IRibbonControl)
    StartPython "import klantanalyse.excel.actions as k; k.clear()"
End Sub

Public Sub RibbonVoorbeelddata(control As IRibbonControl)
    StartPython "import klantanalyse.excel.actions as k; k.load_demo()"
End Sub

Public Sub RibbonInstellingen(control As IRibbonControl)
    StartPython "import klantanalyse.excel.actions as k; k.show_settings()"
End Sub

Public Sub RibbonHelp(control As IRibbonControl)
    StartPython "import klantanalyse.excel.actions as k; k.show_help()"
End Sub

Private Sub StartPython(ByVal pythonCode As String)
    Dim outcome As Variant

    On Error GoTo Failed
    #If Not Mac Then
        ' The same check xlwings makes, explained in Dutch before its own message.
        Dim interpreter As String
        interpreter = GetConfig("INTERPRETER_WIN", "")
        If interpreter = "" Then interpreter = GetConfig("INTERPRETER", "python")
        If interpreter <> "python" And interpreter <> "pythonw" Then
            If Not FileExists(interpreter) Then
                ShowSetupHelp "Het pad naar Python op blad xlwings.conf bestaat niet: " & interpreter
                Exit Sub
            End If
        End If
    #End If

    outcome = RunPython(pythonCode)
    ' On Windows RunPython gives -1 when Python stopped with an error; xlwings has shown
    ' Python's own message by then. On macOS Python runs in the background (no result).
    If Not IsEmpty(outcome) Then
        If outcome = -1 Then ShowSetupHelp "Python gaf hierboven een foutmelding."
    End If
    Exit Sub

Failed:
    If InStr(1, Err.Description, ".dll", vbTextCompare) > 0 Then
        ShowSetupHelp "De xlwings-DLL is niet gevonden of niet te laden (" & Err.Description & ")."
    Else
        ShowSetupHelp "Excel meldt: " & Err.Description & " (fout " & Err.Number & ")."
    End If
End Sub

Public Function SetupHelp(ByVal detail As String) As String
    Dim text As String
    text = "Klantanalyse kon Python niet goed starten."
    If detail <> "" Then text = text & vbLf & detail
    text = text & vbLf & vbLf & "Meestal is het een van deze oorzaken:" & vbLf
    text = text & "1. Python niet gevonden: installeer Python 3 van python.org (vink 'Add python.exe " _
        & "to PATH' aan) of zet op blad xlwings.conf de regel INTERPRETER_WIN (Mac: " _
        & "INTERPRETER_MAC) met het volledige pad naar Python." & vbLf
    text = text & "2. Pakket ontbreekt (ModuleNotFoundError): typ in een opdrachtprompt " _
        & "pip install . in de map van Klantanalyse, met dezelfde Python." & vbLf
    text = text & "3. xlwings-DLL ontbreekt (xlwings64-" & XLWINGS_VERSION & ".dll): typ " _
        & "pip install --force-reinstall xlwings==" & XLWINGS_VERSION & vbLf
    text = text & "4. Mac: typ eenmalig in Terminal: xlwings runpython install" & vbLf & vbLf
    text = text & "Meer uitleg: blad Start en de README van Klantanalyse (hoofdstuk 'In Excel')."
    SetupHelp = text
End Function

Private Sub ShowSetupHelp(ByVal detail As String)
    MsgBox SetupHelp(detail), vbExclamation, TITLE
    On Error Resume Next
    ThisWorkbook.Worksheets("Start").Activate
End Sub
