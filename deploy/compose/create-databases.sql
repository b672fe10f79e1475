create database parley_request;
create database parley_appeal;
create database parley_portal;
