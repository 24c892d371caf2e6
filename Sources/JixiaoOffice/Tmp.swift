enum OfficeTmp {}
