create database parley_request;
create database parley_appeal;
