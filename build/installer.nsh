; NSIS additions (included by build/electron-builder.config.cjs): registers MSI Doctor in "Open with" for .log
; and .msi files WITHOUT changing their default program, and removes exactly that on uninstall.
; SHELL_CONTEXT is HKCU for this per-user install.

!macro msiDoctorOpenWith EXT PROGID DESCRIPTION
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}" "" "${DESCRIPTION}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegNone SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${PROGID}"
!macroend

!macro msiDoctorRemoveOpenWith EXT PROGID
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${PROGID}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${PROGID}"
!macroend

!macro customInstall
  !insertmacro msiDoctorOpenWith "log" "MSIDoctor.log" "Installer log (MSI Doctor)"
  !insertmacro msiDoctorOpenWith "msi" "MSIDoctor.msi" "Windows Installer package (MSI Doctor)"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".log" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".msi" ""
  ; SHCNE_ASSOCCHANGED: let Explorer pick up the new "Open with" entries.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro msiDoctorRemoveOpenWith "log" "MSIDoctor.log"
  !insertmacro msiDoctorRemoveOpenWith "msi" "MSIDoctor.msi"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
